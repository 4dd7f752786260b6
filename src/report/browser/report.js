/**
 * The HTML report's behavior, inlined in the page by src/report/browser-script.ts (without
 * this comment): zoom and pan of the diagram, the detail panel of an element (a group's
 * members, worst N-1 first, from the JSON in #report-data), and the findings' links, which
 * select their element. A plain ES5 browser script: no modules, nothing loaded.
 */
(function () {
  var data = JSON.parse(document.getElementById('report-data').textContent);
  var cache = [];
  function path(i) {
    if (i < 0) return '';
    if (cache[i] === undefined) {
      var p = data.paths[i];
      cache[i] = p[0] < 0 ? p[1] : path(p[0]) + '/' + p[1];
    }
    return cache[i];
  }
  var byId = {};
  data.elements.forEach(function (e) { byId[e[0]] = e; });
  var svg = document.getElementById('diagram-svg');
  if (!svg) return;
  var vp = document.getElementById('viewport');
  var detail = document.getElementById('detail');
  var W = +svg.getAttribute('data-width'), H = +svg.getAttribute('data-height'), scale = 1;
  function zoom(s, cx, cy) {
    s = Math.max(0.05, Math.min(2, s));
    cx = cx === undefined ? vp.clientWidth / 2 : cx;
    cy = cy === undefined ? vp.clientHeight / 2 : cy;
    var x = (vp.scrollLeft + cx) / scale, y = (vp.scrollTop + cy) / scale;
    scale = s;
    svg.setAttribute('width', String(Math.round(W * s)));
    svg.setAttribute('height', String(Math.round(H * s)));
    vp.scrollLeft = x * s - cx;
    vp.scrollTop = y * s - cy;
  }
  function fit() { zoom(Math.min(1, vp.clientWidth / W, vp.clientHeight / H)); }
  document.querySelectorAll('[data-zoom]').forEach(function (b) {
    b.addEventListener('click', function () {
      var z = b.getAttribute('data-zoom');
      if (z === 'fit') fit(); else if (z === 'in') zoom(scale * 1.25); else if (z === 'out') zoom(scale / 1.25); else zoom(1);
    });
  });
  vp.addEventListener('wheel', function (ev) {
    if (!ev.ctrlKey) return;
    ev.preventDefault();
    var r = vp.getBoundingClientRect();
    zoom(scale * (ev.deltaY < 0 ? 1.15 : 1 / 1.15), ev.clientX - r.left, ev.clientY - r.top);
  }, { passive: false });
  var drag = null;
  vp.addEventListener('mousedown', function (ev) { drag = { x: ev.clientX, y: ev.clientY, l: vp.scrollLeft, t: vp.scrollTop, moved: false }; });
  window.addEventListener('mousemove', function (ev) {
    if (!drag) return;
    var dx = ev.clientX - drag.x, dy = ev.clientY - drag.y;
    if (Math.abs(dx) + Math.abs(dy) > 3) drag.moved = true;
    vp.scrollLeft = drag.l - dx;
    vp.scrollTop = drag.t - dy;
  });
  window.addEventListener('mouseup', function () { setTimeout(function () { drag = null; }, 0); });

  function fmt(v, d) { return v.toLocaleString('en-US', { maximumFractionDigits: d === undefined ? 1 : d }); }
  function pct(u) { return fmt(u * 100) + '%'; }
  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  }
  function member(m) {
    var o = { path: path(m[0]), label: data.labels[m[1]], unit: data.units[m[2]], load: m[3] };
    if (m.length > 4) { o.capacity = m[4]; o.utilization = m[5]; o.limit = m[6]; }
    if (m.length > 7) o.worst = { failure: path(m[7][0]), own: m[7][1] === 1, load: m[7][2], limit: m[7][3], utilization: m[7][4] };
    return o;
  }
  function worstText(w, unit) {
    return fmt(w.load) + ' of ' + fmt(w.limit) + ' ' + unit + ' (' + pct(w.utilization) + ') ' +
      (w.own ? 'with one of its units lost' : 'when ' + w.failure + ' fails');
  }
  function show(id, focus) {
    var e = byId[id];
    detail.textContent = '';
    var members = e[3].map(member), prefix = path(e[2]);
    detail.appendChild(el('h4', members.length > 1 ? e[1] : members[0].label + ' ' + e[1]));
    detail.appendChild(el('p', (members.length > 1 ? 'under ' : '') + prefix));
    if (members.length === 1) {
      var m = members[0];
      var what = m.label === 'grid connection' ? 'facility' : m.label === 'generator group' ? 'backed load' : 'normal operation';
      if (m.capacity === undefined) detail.appendChild(el('p', fmt(m.load) + ' ' + m.unit + ' design power'));
      else {
        detail.appendChild(el('p', what + ': ' + fmt(m.load) + ' of ' + fmt(m.capacity) + ' ' + m.unit + ' (' + pct(m.utilization) + ', limit ' + pct(m.limit) + ')'));
        if (m.worst) detail.appendChild(el('p', 'worst N-1: ' + worstText(m.worst, m.unit)));
      }
      return;
    }
    members.sort(function (a, b) {
      return ((b.worst ? b.worst.utilization : -1) - (a.worst ? a.worst.utilization : -1)) ||
        ((b.utilization || 0) - (a.utilization || 0)) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
    });
    var rated = members.some(function (m) { return m.capacity !== undefined; });
    var table = el('table'), head = el('tr');
    (rated ? ['member', 'normal', 'worst N-1'] : ['member', 'design power']).forEach(function (h) { head.appendChild(el('th', h)); });
    table.appendChild(head);
    var focused = null;
    members.forEach(function (m) {
      var tr = el('tr');
      tr.appendChild(el('td', m.label + ' ' + (prefix ? m.path.slice(prefix.length + 1) : m.path)));
      tr.appendChild(el('td', m.capacity === undefined ? fmt(m.load) + ' ' + m.unit : pct(m.utilization) + ' of ' + fmt(m.capacity) + ' ' + m.unit));
      if (rated) tr.appendChild(el('td', m.worst ? worstText(m.worst, m.unit) : ''));
      if (m.path === focus) { tr.className = 'focus'; focused = tr; }
      table.appendChild(tr);
    });
    detail.appendChild(table);
    if (focused) focused.scrollIntoView({ block: 'nearest' });
  }
  var selected = null;
  function select(id, focus, scroll) {
    if (selected) selected.classList.remove('hl');
    selected = document.getElementById('el-' + id);
    selected.classList.add('hl');
    show(id, focus);
    if (scroll) {
      var b = selected.getBBox(), t = selected.transform.baseVal.consolidate().matrix;
      vp.scrollLeft = (t.e + b.width / 2) * scale - vp.clientWidth / 2;
      vp.scrollTop = (t.f + b.height / 2) * scale - vp.clientHeight / 2;
      document.getElementById('diagram').scrollIntoView({ block: 'start' });
    }
  }
  svg.addEventListener('click', function (ev) {
    if (drag && drag.moved) return;
    var g = ev.target.closest('[data-element]');
    if (g) select(g.getAttribute('data-element'));
  });
  svg.addEventListener('keydown', function (ev) {
    var g = ev.target.closest('[data-element]');
    if (g && (ev.key === 'Enter' || ev.key === ' ')) { ev.preventDefault(); select(g.getAttribute('data-element')); }
  });
  document.querySelectorAll('a.goto').forEach(function (a) {
    a.addEventListener('click', function (ev) {
      var id = a.getAttribute('data-target');
      if (id) { ev.preventDefault(); select(id, a.getAttribute('data-member'), true); return; }
      var row = document.querySelector(a.getAttribute('href'));
      if (row) {
        var d = row.closest('details');
        if (d) d.open = true;
        document.querySelectorAll('.row.hl').forEach(function (r) { r.classList.remove('hl'); });
        row.classList.add('hl');
      }
    });
  });
  // Opens at 100%, centred on the (first) grid connection.
  var first = document.querySelector('[data-kind="grid-connection"]');
  zoom(1);
  if (first) {
    var t = first.transform.baseVal.consolidate().matrix;
    vp.scrollLeft = t.e + first.getBBox().width / 2 - vp.clientWidth / 2;
  }
})();
