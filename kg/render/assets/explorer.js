/* kg explorer: search (name, alias, post), fit, filters that lay the graph out again (type,
 * relation, edge weight, node count, time), a path finder, tooltips and the details panel.
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

  // "1 article", "2 articles"
  function counted(n, noun) {
    return n + " " + noun + (n === 1 ? "" : "s");
  }

  function row(parent, name, value) {
    if (value === undefined || value === null || value === "" ||
        (Array.isArray(value) && value.length === 0)) { return; }
    var line = el("div", "kg-row");
    line.appendChild(el("span", "kg-key", name + ": "));
    line.appendChild(el("span", "kg-value", Array.isArray(value) ? value.join("、") : value));
    parent.appendChild(line);
  }

  // --- evidence: sentences grouped by article, each linked to its place in the article ------
  function articleHead(articleId) {
    var info = data.articles[articleId] || {};
    var head = el("div", "kg-source");
    var name = info.title || articleId;
    if (info.href) {
      var a = el("a", "kg-article-link", name);
      a.href = info.href;
      head.appendChild(a);
    } else {
      head.appendChild(el("span", "kg-article-link", name));
    }
    head.appendChild(el("span", "kg-muted", " " + (info.date || "no date") + " · " + articleId));
    return head;
  }

  function evidenceList(parent, refs, linked) {
    if (!refs || refs.length === 0) { return; }
    parent.appendChild(el("div", "kg-key", "证据 Evidence"));
    var groups = [], byArticle = {};
    refs.forEach(function (ref) {
      var s = data.sentences[ref];
      if (!s) { return; }
      if (!byArticle[s[0]]) { byArticle[s[0]] = []; groups.push(s[0]); }
      byArticle[s[0]].push(s);
    });
    var box = el("div", "kg-evidence");
    groups.forEach(function (articleId) {
      var group = el("div", "kg-evidence-group");
      if (articleId) { group.appendChild(articleHead(articleId)); }
      var list = el("ul");
      byArticle[articleId].forEach(function (s) {
        var li = el("li");
        var info = data.articles[s[0]] || {};
        if (linked && info.href && s[1] >= 0) {
          var a = el("a", "kg-evidence-link", s[2]);
          a.href = info.href + "#s" + s[1];
          li.appendChild(a);
        } else {
          li.appendChild(el("span", null, s[2]));
        }
        list.appendChild(li);
      });
      group.appendChild(list);
      box.appendChild(group);
    });
    parent.appendChild(box);
  }

  function nodeCard(node, full) {
    var card = el("div", "kg-card");
    var head = el("div", "kg-card-head");
    head.appendChild(el("strong", null, node.label));
    head.appendChild(el("span", "kg-badge", typeNames[node.kgType] || node.kgType));
    card.appendChild(head);
    row(card, "职务 Titles", node.kgTitles);
    row(card, "别名 Aliases", node.kgAliases);
    row(card, "提及 Mentions", node.kgMentions + " in " + counted(node.kgArticles, "article"));
    row(card, "PageRank", node.kgPagerank.toFixed(5));
    row(card, "社区 Community", node.kgCommunity);
    if (full && data.centre && node.id === data.center) {
      centreSections(card);
    } else {
      evidenceList(card, node.kgEvidence, full);
    }
    return card;
  }

  function dates(first, last) {
    if (!first) { return "—"; }
    return last && last !== first ? first + " … " + last : first;
  }

  function centreSections(card) {
    var centre = data.centre;
    if (centre.posts.length) {
      card.appendChild(el("div", "kg-key", "任职时间线 Posts"));
      var timeline = el("ol", "kg-timeline");
      centre.posts.forEach(function (p) {
        var li = el("li");
        li.appendChild(el("span", "kg-date", dates(p.date, p.lastDate)));
        var post = el("a", null, " " + p.title + " · " + node_label(p.other));
        post.href = "#";
        post.addEventListener("click", function (event) { event.preventDefault(); select(p.other, true); });
        li.appendChild(post);
        li.appendChild(el("span", "kg-muted", " (" + counted(p.articles, "article") + ")"));
        timeline.appendChild(li);
      });
      card.appendChild(timeline);
    }
    if (centre.neighbours.length) {
      card.appendChild(el("div", "kg-key", "邻居 Neighbours, strongest first"));
      var list = el("ol", "kg-neighbours");
      centre.neighbours.slice(0, 15).forEach(function (n) {
        var li = el("li");
        var a = el("a", null, n.label);
        a.href = "#";
        a.addEventListener("click", function (event) { event.preventDefault(); select(n.id, true); });
        li.appendChild(a);
        li.appendChild(el("span", "kg-muted", " " + n.type + " · " + n.strength));
        list.appendChild(li);
      });
      card.appendChild(list);
    }
    evidenceList(card, centre.evidence, true);
  }

  function node_label(id) {
    var node = nodes.get(id);
    return node ? node.label : id;
  }

  function edgeCard(edge, full) {
    var card = el("div", "kg-card");
    var head = el("div", "kg-card-head");
    head.appendChild(el("strong", null, node_label(edge.from) +
      (edge.arrows ? " → " : " — ") + node_label(edge.to)));
    head.appendChild(el("span", "kg-badge", relationNames[edge.kgRelation] || edge.kgRelation));
    card.appendChild(head);
    row(card, "职务 Title", edge.kgTitle);
    row(card, "状态 Status", edge.kgStatus);
    row(card, "动词 Trigger", edge.kgTrigger);
    row(card, "金额 Amount", edge.kgAmount);
    row(card, "权重 Weight", edge.kgWeight);
    row(card, "日期 Date", edge.kgDate ? dates(edge.kgDate, edge.kgLastDate) : "");
    row(card, "文章 Articles", edge.kgArticles || "");
    row(card, "依据 Basis", edge.kgBasis);
    evidenceList(card, edge.kgEvidence, full);
    return card;
  }

  // Tooltips are plain strings, which vis-network 9 shows as text (never parsed as HTML);
  // strings, not DOM cards, so a page of thousands of nodes builds them in milliseconds.
  function firstSentence(refs) {
    var s = refs && refs.length ? data.sentences[refs[0]] : null;
    if (!s) { return ""; }
    var info = data.articles[s[0]] || {};
    return "\n" + s[2] + "\n— " + (info.title || s[0]) + (info.date ? " " + info.date : "");
  }
  var labels = {};
  data.nodes.forEach(function (n, rank) {
    n.kgRank = rank;
    labels[n.id] = n.label;
    n.title = n.label + " · " + (typeNames[n.kgType] || n.kgType) +
      (n.kgTitles.length ? "\n" + n.kgTitles.join("、") : "") +
      "\n" + counted(n.kgMentions, "mention") + " in " + counted(n.kgArticles, "article") +
      firstSentence(n.kgEvidence);
  });
  data.edges.forEach(function (e) {
    e.title = (labels[e.from] || e.from) + (e.arrows ? " → " : " — ") + (labels[e.to] || e.to) +
      "\n" + (e.kgTitle || relationNames[e.kgRelation] || e.kgRelation) +
      " · weight " + e.kgWeight + (e.kgDate ? " · " + dates(e.kgDate, e.kgLastDate) : "") +
      firstSentence(e.kgEvidence);
  });
  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);

  var network = new vis.Network(container, { nodes: nodes, edges: edges }, data.options);
  window.network = network;

  function fitAll(animate) {
    network.fit(animate ? { animation: { duration: 300 } } : undefined);
    // a margin, so labels at the rim are not cut by the canvas edge
    network.moveTo({ scale: network.getScale() * 0.9 });
  }

  var settled = false;
  function ready() {
    // Physics off once laid out: dragging stays cheap on big graphs.
    network.setOptions({ physics: { enabled: false } });
    if (!settled) { fitAll(false); }
    layoutStatus.textContent = "布局完成 layout done · " + visibleCount();
    document.body.setAttribute("data-stabilized", "true");
    if (!settled) {
      settled = true;
      var wanted = location.hash.indexOf("#node=") === 0 ? decodeURIComponent(location.hash.slice(6)) : null;
      if (wanted) {
        if (nodes.get(wanted)) { select(wanted, true); }
        else { searchStatus.textContent = "不在此视图 not in this view: " + wanted; }
      } else if (data.center !== null && nodes.get(data.center)) { select(data.center, false); }
    }
  }
  function visibleCount() {
    var n = nodes.get({ filter: function (x) { return !x.hidden; } }).length;
    var e = edges.get({ filter: function (x) { return !x.hidden; } }).length;
    return n + " nodes, " + e + " edges shown";
  }
  if (nodes.length === 0) {
    ready();
  } else {
    network.on("stabilizationProgress", function (p) {
      layoutStatus.textContent = "布局中 laying out… " + Math.round(100 * p.iterations / p.total) + "%";
    });
    network.once("stabilizationIterationsDone", ready);
  }

  function relayout() {
    // Filters change what is drawn: lay the rest out again, briefly, then freeze.
    if (!settled) { return; }
    document.body.setAttribute("data-stabilized", "false");
    layoutStatus.textContent = "布局中 laying out…";
    network.setOptions({ physics: { enabled: true } });
    network.once("stabilized", function () {
      network.setOptions({ physics: { enabled: false } });
      fitAll(false);
      layoutStatus.textContent = "布局完成 layout done · " + visibleCount();
      document.body.setAttribute("data-stabilized", "true");
    });
    network.stabilize(nodes.length > 1000 ? 40 : 120);
  }

  function showDetails(card) {
    while (details.firstChild) { details.removeChild(details.firstChild); }
    details.appendChild(card);
  }

  function showNode(id) {
    var node = nodes.get(id);
    if (!node) { return; }
    var card = nodeCard(node, true);
    if (node.kgEgo && node.id !== data.center) {
      var link = el("a", "kg-ego-link", "查看关系网 Open ego view →");
      link.href = node.kgEgo;
      card.appendChild(link);
    }
    showDetails(card);
  }

  function select(id, focus) {
    var node = nodes.get(id);
    if (!node) { return; }
    if (node.hidden) { nodes.update({ id: id, hidden: false }); }
    network.selectNodes([id]);
    if (focus) {
      var position = network.getPositions([id])[id];
      network.moveTo({ position: position, scale: Math.max(network.getScale(), 1.2),
                       animation: { duration: 400, easingFunction: "easeInOutQuad" } });
    }
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
  var minWeight = document.getElementById("kg-min-weight");
  var nodeLimit = document.getElementById("kg-node-limit");
  var allEdges = document.getElementById("kg-all-edges");
  var dateFrom = document.getElementById("kg-date-from");
  var dateTo = document.getElementById("kg-date-to");
  var maxWeight = 1, dated = 0, firstDate = "", lastDate = "";
  data.edges.forEach(function (e) {
    maxWeight = Math.max(maxWeight, Math.ceil(e.kgWeight || 1));
    if (e.kgDate) {
      dated += 1;
      if (!firstDate || e.kgDate < firstDate) { firstDate = e.kgDate; }
      if (!lastDate || e.kgLastDate > lastDate) { lastDate = e.kgLastDate; }
    }
  });
  minWeight.max = String(Math.min(maxWeight, 50));
  // A big page starts with its lightest edges hidden (its caption says from which weight).
  var startWeight = String(data.minWeight || 1);
  minWeight.value = startWeight;
  document.getElementById("kg-min-weight-value").textContent = startWeight;
  nodeLimit.max = String(Math.max(1, data.nodes.length));
  nodeLimit.value = nodeLimit.max;
  document.getElementById("kg-node-limit-value").textContent = nodeLimit.value;
  document.getElementById("kg-time-note").textContent = dated
    ? dated + " dated edges, " + firstDate + " … " + lastDate
    : "no dated edges in this view";
  if (firstDate) { dateFrom.min = dateTo.min = firstDate; dateFrom.max = dateTo.max = lastDate; }

  function edgeShown(e, shownNodes) {
    if (hiddenRelations[e.kgRelation]) { return false; }
    if ((e.kgWeight || 0) < Number(minWeight.value)) { return false; }
    if (data.center !== null && !e.kgSpoke && !(allEdges && allEdges.checked)) { return false; }
    if (dateFrom.value || dateTo.value) {
      if (!e.kgDate) { return false; }
      if (dateFrom.value && e.kgLastDate < dateFrom.value) { return false; }
      if (dateTo.value && e.kgDate > dateTo.value) { return false; }
    }
    return shownNodes[e.from] === true && shownNodes[e.to] === true;
  }

  function applyFilters(layout) {
    var limit = Number(nodeLimit.value);
    var shownNodes = {};
    data.nodes.forEach(function (n) {
      shownNodes[n.id] = hiddenTypes[n.kgType] !== true && (n.kgRank < limit || n.id === data.center);
    });
    var cut = Number(minWeight.value) > 1 || dateFrom.value || dateTo.value;
    var touched = {};
    var edgeUpdates = data.edges.map(function (e) {
      var shown = edgeShown(e, shownNodes);
      if (shown) { touched[e.from] = true; touched[e.to] = true; }
      return { id: e.id, hidden: !shown };
    });
    edges.update(edgeUpdates);
    nodes.update(data.nodes.map(function (n) {
      // once edges are cut, nodes left without any drop out too
      var shown = shownNodes[n.id] && (!cut || touched[n.id] === true || n.id === data.center);
      return { id: n.id, hidden: !shown };
    }));
    if (layout !== false) { relayout(); }
  }

  minWeight.addEventListener("input", function () {
    document.getElementById("kg-min-weight-value").textContent = minWeight.value;
  });
  minWeight.addEventListener("change", function () { applyFilters(); });
  nodeLimit.addEventListener("input", function () {
    document.getElementById("kg-node-limit-value").textContent = nodeLimit.value;
  });
  nodeLimit.addEventListener("change", function () { applyFilters(); });
  if (allEdges) { allEdges.addEventListener("change", function () { applyFilters(); }); }
  dateFrom.addEventListener("change", function () { applyFilters(); });
  dateTo.addEventListener("change", function () { applyFilters(); });

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

  var typeBoxes = {}, relationBoxes = {};
  var typeFilters = document.getElementById("kg-type-filters");
  data.types.forEach(function (t) { typeBoxes[t.key] = checkbox(typeFilters, t, t.glyph, hiddenTypes); });
  var relationFilters = document.getElementById("kg-relation-filters");
  data.relations.forEach(function (r) {
    relationBoxes[r.key] = checkbox(relationFilters, r, r.dashes ? "┅" : "━", hiddenRelations);
  });
  if (data.relations.length === 0) { relationFilters.appendChild(el("p", "kg-muted", "no edges")); }

  document.getElementById("kg-community-toggle").addEventListener("change", function (event) {
    var byCommunity = event.target.checked;
    nodes.update(nodes.get().map(function (n) {
      return { id: n.id, color: byCommunity ? n.kgCommunityColor : n.kgTypeColor };
    }));
  });

  document.getElementById("kg-fit").addEventListener("click", function () {
    hiddenTypes = {}; hiddenRelations = {};
    Object.keys(typeBoxes).forEach(function (k) { typeBoxes[k].checked = true; });
    Object.keys(relationBoxes).forEach(function (k) { relationBoxes[k].checked = true; });
    minWeight.value = startWeight;
    document.getElementById("kg-min-weight-value").textContent = startWeight;
    nodeLimit.value = nodeLimit.max;
    document.getElementById("kg-node-limit-value").textContent = nodeLimit.value;
    dateFrom.value = dateTo.value = "";
    network.unselectAll();
    applyFilters(false);
    fitAll(true);
  });

  // --- search: a name, an alias, or a post (市长 lists who holds it) -------------------------
  var datalist = document.getElementById("kg-names");
  var names = {};
  data.nodes.forEach(function (n) {
    [n.label].concat(n.kgAliases, n.kgTitles).forEach(function (name) {
      if (name && !names[name]) { names[name] = true; datalist.appendChild(el("option")).value = name; }
    });
  });

  function norm(text) { return String(text).trim().toLowerCase(); }

  // Every node the query names, best first: label, alias, post, then parts of a label/alias.
  function find(query) {
    var q = norm(query);
    if (!q) { return []; }
    var hits = [];
    data.nodes.forEach(function (n) {
      var label = norm(n.label);
      var aliases = n.kgAliases.map(norm);
      var titles = n.kgTitles.map(norm);
      var rank = label === q ? 0 : aliases.indexOf(q) >= 0 ? 1 : titles.indexOf(q) >= 0 ? 2
        : label.indexOf(q) >= 0 ? 3 : aliases.some(function (a) { return a.indexOf(q) >= 0; }) ? 4 : 99;
      if (rank < 99) { hits.push({ node: n, rank: rank }); }
    });
    hits.sort(function (a, b) { return a.rank - b.rank || b.node.kgPagerank - a.node.kgPagerank; });
    return hits;
  }

  function reveal(node) {
    if (hiddenTypes[node.kgType]) {
      hiddenTypes[node.kgType] = false;
      typeBoxes[node.kgType].checked = true;
      applyFilters(false);
    }
  }

  function search(query) {
    var hits = find(query);
    while (searchStatus.firstChild) { searchStatus.removeChild(searchStatus.firstChild); }
    if (hits.length === 0) {
      searchStatus.textContent = query.trim() ? "未找到 not found: " + query : "";
      return;
    }
    var best = hits.filter(function (h) { return h.rank === hits[0].rank; });
    reveal(best[0].node);
    select(best[0].node.id, true);
    if (best.length === 1) {
      searchStatus.textContent = "已选中 selected: " + best[0].node.label;
      return;
    }
    // several match equally (a post many hold): list them all, each one click away
    searchStatus.appendChild(el("div", null, best.length + " matches 个结果:"));
    var list = el("ul", "kg-hits");
    best.slice(0, 30).forEach(function (h) {
      var li = el("li");
      var a = el("a", null, h.node.label);
      a.href = "#";
      a.addEventListener("click", function (event) {
        event.preventDefault();
        reveal(h.node);
        select(h.node.id, true);
      });
      li.appendChild(a);
      if (h.node.kgTitles.length) { li.appendChild(el("span", "kg-muted", " " + h.node.kgTitles.join("、"))); }
      list.appendChild(li);
    });
    searchStatus.appendChild(list);
  }

  // Enter and the Go button both submit the form: one path, one behaviour.
  var input = document.getElementById("kg-search");
  document.getElementById("kg-search-form").addEventListener("submit", function (event) {
    event.preventDefault();
    search(input.value);
  });

  // --- path finder: fewest steps over the edges shown, with each step's evidence ----------
  function resolveName(query) {
    var hits = find(query);
    return hits.length ? hits[0].node.id : null;
  }

  function shortestPath(from, to) {
    var adjacent = {};
    edges.forEach(function (e) {
      if (e.hidden) { return; }
      (adjacent[e.from] = adjacent[e.from] || []).push([e.to, e.id]);
      (adjacent[e.to] = adjacent[e.to] || []).push([e.from, e.id]);
    });
    var previous = {}, queue = [from];
    previous[from] = null;
    while (queue.length) {
      var at = queue.shift();
      if (at === to) { break; }
      (adjacent[at] || []).forEach(function (step) {
        if (!(step[0] in previous)) { previous[step[0]] = [at, step[1]]; queue.push(step[0]); }
      });
    }
    if (!(to in previous)) { return null; }
    var steps = [];
    for (var cur = to; previous[cur] !== null; cur = previous[cur][0]) {
      steps.unshift({ from: previous[cur][0], to: cur, edge: previous[cur][1] });
    }
    return steps;
  }

  document.getElementById("kg-path-form").addEventListener("submit", function (event) {
    event.preventDefault();
    var fromName = document.getElementById("kg-path-from").value;
    var toName = document.getElementById("kg-path-to").value;
    var from = resolveName(fromName), to = resolveName(toName);
    var card = el("div", "kg-card kg-path-result");
    card.appendChild(el("div", "kg-card-head", "路径 Path"));
    if (from === null || to === null) {
      card.appendChild(el("p", null, "未找到 not found: " + (from === null ? fromName : toName)));
      showDetails(card);
      return;
    }
    var steps = shortestPath(from, to);
    if (steps === null) {
      card.appendChild(el("p", null, "no path between " + node_label(from) + " and " +
        node_label(to) + " over the edges shown"));
      showDetails(card);
      return;
    }
    card.appendChild(el("p", "kg-muted", steps.length + " steps"));
    var list = el("ol", "kg-path-steps");
    steps.forEach(function (step) {
      var edge = edges.get(step.edge);
      var li = el("li");
      li.appendChild(el("strong", null, node_label(step.from) + " — " +
        (edge.kgTitle || relationNames[edge.kgRelation] || edge.kgRelation) + " — " + node_label(step.to)));
      evidenceList(li, edge.kgEvidence.slice(0, 1), true);
      list.appendChild(li);
    });
    card.appendChild(list);
    showDetails(card);
    var onPath = [from].concat(steps.map(function (s) { return s.to; }));
    network.setSelection({ nodes: onPath, edges: steps.map(function (s) { return s.edge; }) },
                         { highlightEdges: false });
    network.fit({ nodes: onPath, animation: { duration: 300 } });
  });
})();
