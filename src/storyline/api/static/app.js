// Storyline pages work without this script; it only lays the actor network out by a small force simulation
// (repulsion between actors, springs along events, a pull to the centre) and lights up an actor's events on hover.
"use strict";

(function () {
  function layoutNetwork(svg) {
    var size = svg.viewBox.baseVal.width || 600;
    var anchors = Array.prototype.slice.call(svg.querySelectorAll("a.node"));
    var lines = Array.prototype.slice.call(svg.querySelectorAll("line.edge"));
    if (anchors.length < 3 || anchors.length > 400) { return; }
    var nodes = {};
    var list = anchors.map(function (anchor) {
      var circle = anchor.querySelector("circle");
      var node = { id: anchor.getAttribute("data-id"), x: circle.cx.baseVal.value, y: circle.cy.baseVal.value,
                   r: circle.r.baseVal.value, vx: 0, vy: 0, anchor: anchor, circle: circle,
                   label: anchor.querySelector("text") };
      nodes[node.id] = node;
      return node;
    });
    var links = lines.map(function (line) {
      return { line: line, source: nodes[line.getAttribute("data-source")], target: nodes[line.getAttribute("data-target")] };
    }).filter(function (link) { return link.source && link.target; });
    var ideal = size / Math.sqrt(list.length + 1) * 0.9;
    for (var step = 0; step < 300; step += 1) {
      var heat = 1 - step / 300;
      for (var i = 0; i < list.length; i += 1) {
        for (var j = i + 1; j < list.length; j += 1) {
          var a = list[i], b = list[j];
          var dx = a.x - b.x, dy = a.y - b.y;
          var distance2 = Math.max(dx * dx + dy * dy, 1);
          var push = ideal * ideal / distance2 * 0.6;
          a.vx += dx * push / Math.sqrt(distance2); a.vy += dy * push / Math.sqrt(distance2);
          b.vx -= dx * push / Math.sqrt(distance2); b.vy -= dy * push / Math.sqrt(distance2);
        }
      }
      links.forEach(function (link) {
        var dx = link.target.x - link.source.x, dy = link.target.y - link.source.y;
        var distance = Math.max(Math.sqrt(dx * dx + dy * dy), 1);
        var pull = (distance - ideal) / distance * 0.05;
        link.source.vx += dx * pull; link.source.vy += dy * pull;
        link.target.vx -= dx * pull; link.target.vy -= dy * pull;
      });
      list.forEach(function (node) {
        node.vx += (size / 2 - node.x) * 0.01; node.vy += (size / 2 - node.y) * 0.01;
        var speed = Math.sqrt(node.vx * node.vx + node.vy * node.vy);
        var limit = 12 * heat + 0.5;
        if (speed > limit) { node.vx *= limit / speed; node.vy *= limit / speed; }
        node.x = Math.min(size - 40, Math.max(40, node.x + node.vx));
        node.y = Math.min(size - 20, Math.max(24, node.y + node.vy));
        node.vx *= 0.5; node.vy *= 0.5;
      });
    }
    list.forEach(function (node) {
      node.circle.setAttribute("cx", node.x.toFixed(1));
      node.circle.setAttribute("cy", node.y.toFixed(1));
      if (node.label) {
        node.label.setAttribute("x", node.x.toFixed(1));
        node.label.setAttribute("y", (node.y - node.r - 3).toFixed(1));
      }
    });
    links.forEach(function (link) {
      link.line.setAttribute("x1", link.source.x.toFixed(1)); link.line.setAttribute("y1", link.source.y.toFixed(1));
      link.line.setAttribute("x2", link.target.x.toFixed(1)); link.line.setAttribute("y2", link.target.y.toFixed(1));
    });
    list.forEach(function (node) {
      node.anchor.addEventListener("mouseenter", function () {
        svg.classList.add("dimmed");
        links.forEach(function (link) {
          if (link.source === node || link.target === node) { link.line.classList.add("lit"); }
        });
      });
      node.anchor.addEventListener("mouseleave", function () {
        svg.classList.remove("dimmed");
        links.forEach(function (link) { link.line.classList.remove("lit"); });
      });
    });
    svg.setAttribute("data-layout", "force");
  }

  document.addEventListener("DOMContentLoaded", function () {
    var network = document.getElementById("network");
    if (network) { layoutNetwork(network); }
  });
}());
