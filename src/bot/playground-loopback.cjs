/**
 * Preloaded (node --require) into Microsoft 365 Agents Playground, which calls server.listen(port) without a
 * host, i.e. on every interface. This makes any listen() without a host bind 127.0.0.1 instead, so the local
 * chat never becomes reachable from the network.
 */
"use strict";
const net = require("node:net");
const original = net.Server.prototype.listen;
net.Server.prototype.listen = function listen(...args) {
  const first = args[0];
  if (typeof first === "number" || (typeof first === "string" && /^\d+$/.test(first))) {
    if (typeof args[1] !== "string") args.splice(1, 0, "127.0.0.1");
  } else if (first && typeof first === "object" && !first.path && !first.host) {
    args[0] = { ...first, host: "127.0.0.1" };
  } else if (args.length === 0 || typeof first === "function") {
    args.unshift(0, "127.0.0.1");
  }
  return original.apply(this, args);
};
