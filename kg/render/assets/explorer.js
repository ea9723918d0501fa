/* kg explorer: search, filters, community colouring, tooltips and the details panel.
 * Data arrives as JSON in #kg-data. Everything taken from it is written with textContent
 * or as DOM properties, never as HTML, because labels and evidence are article text. */
(function () {
  "use strict";

  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var container = document.getElementById("kg-network");
  var details = document.getElementById("kg-details");
  var layoutStatus = document.getElementById("kg-layout-status");
  var searchStatus = document.getElementById("kg-search-status");
  var relationNames = {};
  var typeNames = {};
  data.relations.forEach(function (r) { relationNames[r.key] = r.name; });
  data.types.forEach(function (t) { typeNames[t.key] = t.name; });

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }

  function row(parent, name, value) {
    if (value === undefined || value === null || value === "" ||
        (Array.isArray(value) && value.length === 0)) { return; }
    var line = el("div", "kg-row");
    line.appendChild(el("span", "kg-key", name + ": "));
    line.appendChild(el("span", "kg-value", Array.isArray(value) ? value.join("、") : value));
    parent.appendChild(line);
  }

  function evidenceList(parent, items) {
    if (!items || items.length === 0) { return; }
    parent.appendChild(el("div", "kg-key", "证据 Evidence"));
    var list = el("ul", "kg-evidence");
    items.forEach(function (item) {
      var li = el("li");
      if (item[0]) { li.appendChild(el("span", "kg-article", "[" + item[0] + "] ")); }
      li.appendChild(el("span", null, item[1]));
      list.appendChild(li);
    });
    parent.appendChild(list);
  }

  function nodeCard(node, full) {
    var card = el("div", "kg-card");
    var head = el("div", "kg-card-head");
    head.appendChild(el("strong", null, node.label));
    head.appendChild(el("span", "kg-badge", typeNames[node.kgType] || node.kgType));
    card.appendChild(head);
    row(card, "职务 Titles", node.kgTitles);
    row(card, "别名 Aliases", node.kgAliases);
    row(card, "提及 Mentions", node.kgMentions + " in " + node.kgArticles + " articles");
    row(card, "PageRank", node.kgPagerank.toFixed(5));
    row(card, "社区 Community", node.kgCommunity);
    if (full) { row(card, "文章 Articles", node.kgArticleIds); }
    evidenceList(card, node.kgEvidence);
    return card;
  }

  function edgeCard(edge, full) {
    var card = el("div", "kg-card");
    var head = el("div", "kg-card-head");
    var from = nodes.get(edge.from), to = nodes.get(edge.to);
    head.appendChild(el("strong", null, (from ? from.label : edge.from) +
      (edge.arrows ? " → " : " — ") + (to ? to.label : edge.to)));
    head.appendChild(el("span", "kg-badge", relationNames[edge.kgRelation] || edge.kgRelation));
    card.appendChild(head);
    row(card, "职务 Title", edge.kgTitle);
    row(card, "动词 Trigger", edge.kgTrigger);
    row(card, "金额 Amount", edge.kgAmount);
    row(card, "权重 Weight", edge.kgWeight);
    row(card, "日期 Date", edge.kgDate);
    if (full) { row(card, "文章 Articles", edge.kgArticleIds); }
    evidenceList(card, edge.kgEvidence);
    return card;
  }

  // vis-network shows an HTMLElement title as is, so tooltips never parse data as HTML.
  data.nodes.forEach(function (n) { n.title = nodeCard(n, false); });
  var nodes = new vis.DataSet(data.nodes);
  data.edges.forEach(function (e) { e.title = edgeCard(e, false); });
  var edges = new vis.DataSet(data.edges);

  var network = new vis.Network(container, { nodes: nodes, edges: edges }, data.options);
  window.network = network;

  function ready() {
    // Physics off once laid out: dragging stays cheap on big graphs.
    network.setOptions({ physics: { enabled: false } });
    layoutStatus.textContent = "布局完成 layout done · " + nodes.length + " nodes, " + edges.length + " edges";
    document.body.setAttribute("data-stabilized", "true");
    if (data.center !== null && nodes.get(data.center)) { select(data.center, false); }
  }
  if (nodes.length === 0) {
    ready();
  } else {
    network.on("stabilizationProgress", function (p) {
      layoutStatus.textContent = "布局中 laying out… " + Math.round(100 * p.iterations / p.total) + "%";
    });
    network.once("stabilizationIterationsDone", ready);
  }

  function showDetails(card) {
    while (details.firstChild) { details.removeChild(details.firstChild); }
    details.appendChild(card);
  }

  function showNode(id) {
    var node = nodes.get(id);
    if (!node) { return; }
    var card = nodeCard(node, true);
    if (node.kgEgo) {
      var link = el("a", "kg-ego-link", "查看关系网 Open ego view →");
      link.href = node.kgEgo;
      card.appendChild(link);
    }
    showDetails(card);
  }

  function select(id, focus) {
    network.selectNodes([id]);
    if (focus) { network.focus(id, { scale: 1.3, animation: { duration: 400 } }); }
    showNode(id);
  }

  network.on("click", function (params) {
    if (params.nodes.length > 0) { showNode(params.nodes[0]); }
    else if (params.edges.length > 0) {
      var edge = edges.get(params.edges[0]);
      if (edge) { showDetails(edgeCard(edge, true)); }
    }
  });

  // --- filters ---------------------------------------------------------------------------
  var hiddenTypes = {}, hiddenRelations = {};

  function applyFilters() {
    nodes.update(nodes.get().map(function (n) {
      return { id: n.id, hidden: hiddenTypes[n.kgType] === true };
    }));
    edges.update(edges.get().map(function (e) {
      return { id: e.id, hidden: hiddenRelations[e.kgRelation] === true };
    }));
  }

  function swatch(color, glyph) {
    var mark = el("span", "kg-swatch", glyph);
    mark.style.color = color;
    return mark;
  }

  function checkbox(parent, item, glyph, hidden) {
    var label = el("label", "kg-check");
    var box = document.createElement("input");
    box.type = "checkbox";
    box.checked = true;
    box.value = item.key;
    box.addEventListener("change", function () {
      hidden[item.key] = !box.checked;
      applyFilters();
    });
    label.appendChild(box);
    label.appendChild(swatch(item.color, glyph));
    label.appendChild(el("span", null, item.name + " (" + item.count + ")"));
    parent.appendChild(label);
    return box;
  }

  var typeBoxes = {};
  var typeFilters = document.getElementById("kg-type-filters");
  data.types.forEach(function (t) { typeBoxes[t.key] = checkbox(typeFilters, t, t.glyph, hiddenTypes); });
  var relationFilters = document.getElementById("kg-relation-filters");
  data.relations.forEach(function (r) { checkbox(relationFilters, r, r.dashes ? "┅" : "━", hiddenRelations); });
  if (data.relations.length === 0) { relationFilters.appendChild(el("p", "kg-muted", "no edges")); }

  document.getElementById("kg-community-toggle").addEventListener("change", function (event) {
    var byCommunity = event.target.checked;
    nodes.update(nodes.get().map(function (n) {
      return { id: n.id, color: byCommunity ? n.kgCommunityColor : n.kgTypeColor };
    }));
  });

  // --- search ----------------------------------------------------------------------------
  var datalist = document.getElementById("kg-names");
  var names = {};
  data.nodes.forEach(function (n) {
    [n.label].concat(n.kgAliases).forEach(function (name) {
      if (!names[name]) { names[name] = true; datalist.appendChild(el("option")).value = name; }
    });
  });

  function norm(text) { return String(text).trim().toLowerCase(); }

  function find(query) {
    var q = norm(query);
    if (!q) { return null; }
    var best = null, bestRank = 99;
    data.nodes.forEach(function (n) {
      var label = norm(n.label);
      var aliases = n.kgAliases.map(norm);
      var rank = label === q ? 0 : aliases.indexOf(q) >= 0 ? 1
        : label.indexOf(q) >= 0 ? 2 : aliases.some(function (a) { return a.indexOf(q) >= 0; }) ? 3 : 99;
      // data.nodes is in PageRank order within each view, so the first hit of a rank wins.
      if (rank < bestRank || (rank === bestRank && best && n.kgPagerank > best.kgPagerank)) {
        best = n; bestRank = rank;
      }
    });
    return bestRank < 99 ? best : null;
  }

  function search(query) {
    var hit = find(query);
    if (hit === null) {
      searchStatus.textContent = query.trim() ? "未找到 not found: " + query : "";
      return;
    }
    if (hiddenTypes[hit.kgType]) {
      hiddenTypes[hit.kgType] = false;
      typeBoxes[hit.kgType].checked = true;
      applyFilters();
    }
    searchStatus.textContent = "已选中 selected: " + hit.label;
    select(hit.id, true);
  }

  var input = document.getElementById("kg-search");
  document.getElementById("kg-search-form").addEventListener("submit", function (event) {
    event.preventDefault();
    search(input.value);
  });
  input.addEventListener("change", function () { search(input.value); });
})();
