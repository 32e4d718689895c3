//! Unsigned big integers, just what exact decimal-to-binary conversion needs.

/// An unsigned big integer: 32-bit limbs, least significant first, no leading zero limbs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Big(pub(super) Vec<u32>);

impl Big {
    pub(super) fn one() -> Big {
        Big(vec![1])
    }

    pub(super) fn from_digits(digits: &[u8]) -> Big {
        let mut b = Big(Vec::new());
        for chunk in digits.chunks(9) {
            let v = chunk.iter().fold(0u32, |acc, &d| acc * 10 + u32::from(d));
            b.mul_add(10u32.pow(chunk.len() as u32), v);
        }
        b
    }

    /// self = self·m + a.
    pub(super) fn mul_add(&mut self, m: u32, a: u32) {
        let mut carry = u64::from(a);
        for limb in &mut self.0 {
            let t = u64::from(*limb) * u64::from(m) + carry;
            *limb = t as u32;
            carry = t >> 32;
        }
        if carry > 0 {
            self.0.push(carry as u32);
        }
    }

    pub(super) fn mul_pow10(&mut self, mut k: u32) {
        while k > 0 {
            let step = k.min(9);
            self.mul_add(10u32.pow(step), 0);
            k -= step;
        }
    }

    /// Bit length (0 for zero).
    pub(super) fn bits(&self) -> usize {
        self.0
            .last()
            .map_or(0, |top| 32 * self.0.len() - top.leading_zeros() as usize)
    }

    pub(super) fn shl(&mut self, k: usize) {
        let (limbs, bits) = (k / 32, (k % 32) as u32);
        if bits > 0 {
            let mut carry = 0;
            for limb in &mut self.0 {
                let t = (*limb << bits) | carry;
                carry = *limb >> (32 - bits);
                *limb = t;
            }
            if carry > 0 {
                self.0.push(carry);
            }
        }
        if !self.0.is_empty() {
            self.0.splice(0..0, std::iter::repeat_n(0, limbs));
        }
    }

    pub(super) fn shr1(&mut self) {
        let mut carry = 0;
        for limb in self.0.iter_mut().rev() {
            let t = (*limb >> 1) | carry;
            carry = *limb << 31;
            *limb = t;
        }
        self.trim();
    }

    pub(super) fn trim(&mut self) {
        while self.0.last() == Some(&0) {
            self.0.pop();
        }
    }

    pub(super) fn cmp(&self, o: &Big) -> std::cmp::Ordering {
        self.0
            .len()
            .cmp(&o.0.len())
            .then_with(|| self.0.iter().rev().cmp(o.0.iter().rev()))
    }

    /// self −= o (self ≥ o).
    pub(super) fn sub(&mut self, o: &Big) {
        let mut borrow = 0i64;
        for (k, limb) in self.0.iter_mut().enumerate() {
            let t = i64::from(*limb) - i64::from(o.0.get(k).copied().unwrap_or(0)) - borrow;
            *limb = t.rem_euclid(1 << 32) as u32;
            borrow = i64::from(t < 0);
        }
        self.trim();
    }

    /// (self / d, self mod d) when the quotient is below 2^55: binary long division.
    pub(super) fn div_small_quotient(mut self, d: &Big) -> (u64, Big) {
        let mut q = 0u64;
        let mut shifted = d.clone();
        shifted.shl(55);
        for bit in (0..=55).rev() {
            if self.cmp(&shifted) != std::cmp::Ordering::Less {
                self.sub(&shifted);
                q |= 1 << bit;
            }
            shifted.shr1();
        }
        (q, self)
    }
}
