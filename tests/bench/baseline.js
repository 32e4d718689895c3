// The benchmark's baseline: a network as an object graph of Node and Link objects, trained the way
// TensorFlow Playground's nn.ts does it (forward, backward and update walk the objects). Written
// here from the algorithm, in that style, so the comparison is same-browser and same-run.

const ACT = {
  tanh: { output: (x) => Math.tanh(x), der: (x) => 1 - Math.tanh(x) ** 2 },
  sigmoid: { output: (x) => 1 / (1 + Math.exp(-x)), der: (x) => { const s = 1 / (1 + Math.exp(-x)); return s * (1 - s); } },
};

class Node {
  constructor(id, activation) {
    this.id = id;
    this.inputLinks = [];
    this.outputs = [];
    this.bias = 0.1;
    this.totalInput = 0;
    this.output = 0;
    this.outputDer = 0;
    this.inputDer = 0;
    this.accInputDer = 0;
    this.numAccumulatedDers = 0;
    this.activation = activation;
  }
  updateOutput() {
    this.totalInput = this.bias;
    for (const link of this.inputLinks) this.totalInput += link.weight * link.source.output;
    this.output = this.activation.output(this.totalInput);
    return this.output;
  }
}

class Link {
  constructor(source, dest, weight) {
    this.source = source;
    this.dest = dest;
    this.weight = weight;
    this.errorDer = 0;
    this.accErrorDer = 0;
    this.numAccumulatedDers = 0;
  }
}

/** Builds the graph: shape like [2, 2, 1], activations per layer after the input. */
export const buildNetwork = (shape, activations) => {
  let seed = 1;
  const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647) - 0.5;
  const network = [];
  shape.forEach((size, layerIdx) => {
    const layer = [];
    for (let i = 0; i < size; i++) {
      const node = new Node(`${layerIdx}.${i}`, layerIdx ? ACT[activations[layerIdx - 1]] : ACT.tanh);
      if (layerIdx > 0) {
        for (const prev of network[layerIdx - 1]) {
          const link = new Link(prev, node, rand());
          prev.outputs.push(link);
          node.inputLinks.push(link);
        }
      }
      layer.push(node);
    }
    network.push(layer);
  });
  return network;
};

export const forwardProp = (network, inputs) => {
  network[0].forEach((node, i) => {
    node.output = inputs[i];
  });
  for (let l = 1; l < network.length; l++) for (const node of network[l]) node.updateOutput();
  return network[network.length - 1][0].output;
};

export const backProp = (network, target) => {
  const out = network[network.length - 1][0];
  out.outputDer = out.output - target; // ½ (y − t)² per pattern: the lecture's E
  for (let l = network.length - 1; l >= 1; l--) {
    const layer = network[l];
    for (const node of layer) {
      node.inputDer = node.outputDer * node.activation.der(node.totalInput);
      node.accInputDer += node.inputDer;
      node.numAccumulatedDers++;
    }
    for (const node of layer) {
      for (const link of node.inputLinks) {
        link.errorDer = node.inputDer * link.source.output;
        link.accErrorDer += link.errorDer;
        link.numAccumulatedDers++;
      }
    }
    if (l === 1) continue;
    for (const node of network[l - 1]) {
      node.outputDer = 0;
      for (const link of node.outputs) node.outputDer += link.weight * link.dest.inputDer;
    }
  }
};

export const updateWeights = (network, eta) => {
  for (let l = 1; l < network.length; l++) {
    for (const node of network[l]) {
      if (node.numAccumulatedDers > 0) {
        node.bias -= eta * node.accInputDer; // a sum over patterns, as in the lecture
        node.accInputDer = 0;
        node.numAccumulatedDers = 0;
      }
      for (const link of node.inputLinks) {
        if (link.numAccumulatedDers > 0) {
          link.weight -= eta * link.accErrorDer;
          link.accErrorDer = 0;
          link.numAccumulatedDers = 0;
        }
      }
    }
  }
};

const XOR = [[[0, 0], 0], [[0, 1], 1], [[1, 0], 1], [[1, 1], 0]];

/** One batch epoch of XOR. */
export const epoch = (network, eta) => {
  for (const [x, t] of XOR) {
    forwardProp(network, x);
    backProp(network, t);
  }
  updateWeights(network, eta);
};
