// The dashboard. Every value from the API comes from untrusted statements: the DOM is built with
// createElement/textContent only, never by parsing HTML, and links are made only for http(s) URLs.
// What is shown (window end, period, range, filters, a statement's page) lives in the URL, so a
// view can be shared and survives a reload.
'use strict';

(function () {
  const api = window.CeasefireApi;
  const PAGE_SIZE = 50;
  const REFRESH_DELAY_MS = 300;
  const OPERATIONS_REFRESH_MS = 15000;
  const COLOURS = ['#1f5fa8', '#b5461f'];
  const LIGHT_COLOURS = ['#8fb3dc', '#e0a48c'];
  /** URL parameter → control; a control at its default is left out of the URL. */
  const CONTROLS = {
    end: 'window-end', period: 'period', from: 'range-from', to: 'range-to', sector: 'filter-sector',
    kind: 'filter-kind', party: 'filter-party', statement: 'filter-statement', casualties: 'casualty-window', group: 'filter-group'
  };
  const DEFAULTS = { period: 'week', casualties: 'all', group: 'episodes' };
  const state = {
    conflict: null, sides: [], partyNames: new Map(), sectorNames: new Map(), latestDay: null,
    endChosen: false, knownPairs: new Set(), knownEpisodes: new Set(), expanded: new Set(), firstLoad: true, shown: 0, cursor: null,
    charts: {}, trendPoints: [], focusIndex: -1
  };

  function el(tag, attrs, children) {
    const node = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([name, value]) => {
      if (name === 'text') { node.textContent = value == null ? '' : String(value); }
      else if (name === 'className') { node.className = value; }
      else { node.setAttribute(name, value); }
    });
    (children || []).forEach((child) => node.appendChild(child));
    return node;
  }

  function byId(id) { return document.getElementById(id); }
  function control(key) { return byId(CONTROLS[key]); }
  function value(key) { return control(key).value; }

  function formatTime(iso) {
    if (!iso) { return '—'; }
    return String(iso).replace('T', ' ').replace(/:00Z$|Z$/, ' UTC');
  }

  function addDays(isoDate, days) {
    const day = new Date(isoDate + 'T00:00:00Z');
    day.setUTCDate(day.getUTCDate() + days);
    return day.toISOString().slice(0, 10);
  }

  function partyName(code) { return state.partyNames.get(code) || code; }
  function sectorName(id) { return state.sectorNames.get(id) || id; }
  /** A side's short label: its first party's name ("Armenia"), the side's full name on hover. */
  function sideLabel(side) { return side.parties.length ? side.parties[0].name : side.name; }
  function sideCodes(side) { return side.parties.map((party) => party.code); }
  function sum(counts, codes) { return codes.reduce((total, code) => total + Number((counts || {})[code] || 0), 0); }

  function query(params) {
    const search = new URLSearchParams();
    Object.entries(params).forEach(([name, v]) => { if (v) { search.set(name, v); } });
    const text = search.toString();
    return text ? '?' + text : '';
  }

  // --- URL state ----------------------------------------------------------------------------
  function readUrl() {
    const params = new URLSearchParams(location.search);
    Object.keys(CONTROLS).forEach((key) => {
      const v = params.get(key);
      const field = control(key);
      field.value = v != null ? v : (DEFAULTS[key] || '');
      if (field.tagName === 'SELECT' && field.selectedIndex < 0) { field.value = DEFAULTS[key] || ''; }
    });
    state.endChosen = !!params.get('end');
    return { view: params.get('view'), id: params.get('id') };
  }

  function viewParams() {
    const params = {};
    Object.keys(CONTROLS).forEach((key) => {
      const v = value(key);
      if (v && v !== DEFAULTS[key] && (key !== 'end' || state.endChosen)) { params[key] = v; }
    });
    return params;
  }

  function writeUrl(extra, push) {
    const url = location.pathname + query(Object.assign(viewParams(), extra || {}));
    if (push) { history.pushState(null, '', url); } else { history.replaceState(null, '', url); }
  }

  // --- conflict definition and controls ------------------------------------------------------
  async function loadConflict() {
    state.conflict = await api.getJson('/api/conflict');
    state.sides = state.conflict.sides;
    byId('conflict-name').textContent = state.conflict.name;
    state.sides.forEach((side) => side.parties.forEach((party) => state.partyNames.set(party.code, party.name)));
    state.conflict.monitors.forEach((party) => state.partyNames.set(party.code, party.name));
    const sectors = state.conflict.sectors.concat([{ id: 'UNRESOLVED', name: 'Unresolved place names' }, { id: 'WHOLE_FRONT', name: 'Whole front' }]);
    sectors.forEach((sector) => state.sectorNames.set(sector.id, sector.name));
    sectors.forEach((sector) => control('sector').appendChild(el('option', { value: sector.id, text: sector.name })));
    const partySelect = control('party');
    state.sides.concat([{ name: 'Monitors', parties: state.conflict.monitors }]).forEach((side) => {
      const group = el('optgroup', { label: side.name });
      side.parties.forEach((party) => group.appendChild(el('option', { value: party.code, text: party.name })));
      partySelect.appendChild(group);
    });
  }

  // --- sectors: one common window -------------------------------------------------------------
  const WINDOWS = [['rolling_7d', '7 days'], ['rolling_30d', '30 days'], ['all_time', 'all time']];

  async function loadSectors() {
    const sectors = await api.getJson('/api/sectors' + query({ end: state.endChosen ? value('end') : '' }));
    const withWindow = sectors.find((sector) => sector.rolling_7d);
    if (!state.endChosen) {
      // The API's default: the latest incident day of the whole conflict, shown in the control.
      state.latestDay = withWindow ? withWindow.rolling_7d.period_end : null;
      control('end').value = state.latestDay || '';
    }
    const windowsRow = byId('sectors-windows');
    const head = byId('sectors-head');
    windowsRow.replaceChildren(windowsRow.firstElementChild);
    head.replaceChildren();
    WINDOWS.forEach(([key, label]) => {
      const tally = withWindow ? withWindow[key] : null;
      const dates = tally && tally.period_start ? tally.period_start + ' – ' + tally.period_end : '';
      windowsRow.appendChild(el('th', { colspan: String(state.sides.length), className: 'window', 'data-window': key,
        'data-from': tally && tally.period_start ? tally.period_start : '', 'data-to': tally && tally.period_end ? tally.period_end : '' },
      [el('span', { text: label }), el('span', { className: 'dates', text: dates })]));
      state.sides.forEach((side) => head.appendChild(el('th', { className: 'num', text: sideLabel(side), title: side.name })));
    });
    windowsRow.appendChild(el('th', { rowspan: '2', className: 'num', text: 'pairs', title: 'Contradictions, all time' }));
    const body = document.querySelector('#sectors tbody');
    body.replaceChildren();
    sectors.forEach((sector) => {
      const row = el('tr', { 'data-sector': sector.sector, tabindex: '0' }, [el('td', { text: sector.name, title: sector.name })]);
      WINDOWS.forEach(([key]) => state.sides.forEach((side) => row.appendChild(el('td', {
        className: 'num', 'data-window': key, 'data-side': side.id, text: sector[key] ? sum(sector[key].accusations, sideCodes(side)) : 0
      }))));
      const pairs = sector.all_time ? Object.values(sector.all_time.contradictions || {}).reduce((a, b) => a + Number(b), 0) : 0;
      row.appendChild(el('td', { className: 'num', text: pairs }));
      row.classList.toggle('selected', sector.sector === value('sector'));
      const choose = () => { control('sector').value = value('sector') === sector.sector ? '' : sector.sector; viewChanged(); };
      row.addEventListener('click', choose);
      row.addEventListener('keydown', (event) => { if (event.key === 'Enter' || event.key === ' ') { event.preventDefault(); choose(); } });
      body.appendChild(row);
    });
  }

  // --- bars per side --------------------------------------------------------------------------
  /** Every period from the first to the last with data, so quiet periods show as zero, not as a gap. */
  function fillPeriods(starts, period) {
    if (starts.length === 0) { return []; }
    const all = [];
    const last = starts[starts.length - 1];
    for (let day = starts[0]; day <= last && all.length < 2000;) {
      all.push(day);
      if (period === 'month') {
        const next = new Date(day + 'T00:00:00Z');
        next.setUTCMonth(next.getUTCMonth() + 1);
        day = next.toISOString().slice(0, 10);
      } else {
        day = addDays(day, 7);
      }
    }
    return all;
  }

  function rangeParams() {
    return { from: value('from'), to: value('to') };
  }

  function barChart(canvasId, labels, datasets, onPoint) {
    if (typeof Chart === 'undefined') { return null; }
    const existing = state.charts[canvasId];
    if (existing) {
      existing.data.labels = labels;
      existing.data.datasets = datasets;
      existing.update('none');
      return existing;
    }
    const chart = new Chart(byId(canvasId), {
      type: 'bar', data: { labels, datasets },
      options: {
        animation: false, maintainAspectRatio: false,
        interaction: { mode: 'index', intersect: false },
        onHover: (event, elements) => { if (onPoint && elements.length) { onPoint(elements[0].index); } },
        scales: { x: { ticks: { autoSkip: true, maxRotation: 0 } }, y: { beginAtZero: true, ticks: { precision: 0 } } },
        plugins: { legend: { position: 'bottom' } }
      }
    });
    state.charts[canvasId] = chart;
    return chart;
  }

  function periodLabel(start) {
    return (value('period') === 'month' ? 'Month of ' + start.slice(0, 7) : 'Week of ' + start);
  }

  function showTrendPoint(index) {
    const points = state.trendPoints;
    if (index < 0 || index >= points.length) { return; }
    state.focusIndex = index;
    const point = points[index];
    const parts = state.sides.map((side) => side.name + ': ' + (point.accusations_by_side[side.id] || 0));
    byId('trend-readout').textContent = periodLabel(point.period_start) + ' (' + point.period_start + ' – ' + point.period_end + '). '
      + 'Accusations made by ' + parts.join(', by ') + '. Contradictions: ' + point.contradictions + '.';
    byId('trend-readout').dataset.index = String(index);
    const chart = state.charts.trend;
    if (chart && chart.setActiveElements) {
      const active = state.sides.map((side, datasetIndex) => ({ datasetIndex, index }));
      chart.setActiveElements(active);
      chart.tooltip.setActiveElements(active, { x: 0, y: 0 });
      chart.update('none');
    }
  }

  async function loadTrend() {
    const period = value('period');
    const periods = await api.getJson('/api/activity' + query(Object.assign({ period, sector: value('sector') }, rangeParams())));
    const byStart = new Map(periods.map((p) => [p.period_start, p]));
    const labels = fillPeriods(periods.map((p) => p.period_start), period);
    state.trendPoints = labels.map((start) => byStart.get(start) || {
      period_start: start, period_end: period === 'month' ? addDays(fillPeriods([start, addDays(start, 40)], 'month')[1], -1) : addDays(start, 6),
      accusations_by_side: {}, contradictions: 0
    });
    byId('trend-period').textContent = period;
    byId('trend-sector').textContent = value('sector') ? '(' + sectorName(value('sector')) + ')' : '(all sectors)';
    const datasets = state.sides.map((side, index) => ({
      label: side.name, backgroundColor: COLOURS[index], borderColor: COLOURS[index],
      data: state.trendPoints.map((point) => point.accusations_by_side[side.id] || 0)
    }));
    barChart('trend', labels.map((start) => period === 'month' ? start.slice(0, 7) : start), datasets, showTrendPoint);
  }

  function trendKeys(event) {
    const last = state.trendPoints.length - 1;
    const moves = { ArrowRight: state.focusIndex + 1, ArrowLeft: state.focusIndex - 1, Home: 0, End: last };
    if (!(event.key in moves)) { return; }
    event.preventDefault();
    showTrendPoint(Math.max(0, Math.min(last, state.focusIndex < 0 && event.key === 'ArrowLeft' ? last : moves[event.key])));
  }

  // --- casualty claims side by side -----------------------------------------------------------
  function casualtyRange() {
    const end = value('end') || state.latestDay;
    switch (value('casualties')) {
      case '7d': return end ? { from: addDays(end, -6), to: end } : {};
      case '30d': return end ? { from: addDays(end, -29), to: end } : {};
      case 'range': return rangeParams();
      default: return {};
    }
  }

  function lossText(claims) { return claims.killed + ' / ' + claims.wounded; }

  function lossCell(loss, field, className) {
    const killed = loss.killed[field];
    const wounded = loss.wounded[field];
    const text = (field === 'difference' && killed > 0 ? '+' : '') + killed + ' / ' + (field === 'difference' && wounded > 0 ? '+' : '') + wounded;
    return el('td', { className: 'num ' + className, 'data-side': loss.side, 'data-field': field,
      'data-killed': String(killed), 'data-wounded': String(wounded), text });
  }

  async function loadCasualties() {
    const range = casualtyRange();
    const rows = await api.getJson('/api/casualties' + query(Object.assign({ sector: value('sector') }, range)));
    const sidesRow = byId('casualties-sides');
    const head = byId('casualties-head');
    sidesRow.replaceChildren(sidesRow.firstElementChild);
    head.replaceChildren();
    state.sides.forEach((side, index) => {
      sidesRow.appendChild(el('th', { colspan: '3', className: 'side-' + (index + 1), text: sideLabel(side) + "'s losses", title: side.name }));
      const other = state.sides[1 - index];
      head.appendChild(el('th', { className: 'num', text: 'it says', title: side.name + ' about its own losses' }));
      head.appendChild(el('th', { className: 'num', text: sideLabel(other) + ' says', title: other.name + ' about ' + side.name + "'s losses" }));
      head.appendChild(el('th', { className: 'num', text: 'difference' }));
    });
    const body = document.querySelector('#casualties tbody');
    body.replaceChildren();
    rows.forEach((row) => {
      const tr = el('tr', { 'data-sector': row.sector }, [el('td', { text: sectorName(row.sector) })]);
      row.losses.forEach((loss) => {
        tr.appendChild(lossCell(loss, 'by_itself', 'own'));
        tr.appendChild(lossCell(loss, 'by_other_side', 'other'));
        tr.appendChild(lossCell(loss, 'difference', 'difference'));
      });
      body.appendChild(tr);
    });
    if (rows.length === 0) {
      body.appendChild(el('tr', {}, [el('td', { colspan: String(1 + 3 * state.sides.length), className: 'hint', text: 'No casualties claimed in this period.' })]));
    }
    byId('casualty-dates').textContent = range.from || range.to
      ? 'Incidents from ' + (range.from || 'the first') + ' to ' + (range.to || 'the last') + '.' : 'All incidents.';
    await loadCasualtyTrend();
  }

  async function loadCasualtyTrend() {
    const period = value('period');
    const periods = await api.getJson('/api/casualties' + query(Object.assign({ group: 'none', period, sector: value('sector') }, rangeParams())));
    const labels = periods.map((p) => period === 'month' ? p.period_start.slice(0, 7) : p.period_start);
    const datasets = [];
    state.sides.forEach((side, index) => {
      const other = state.sides[1 - index];
      datasets.push({ label: sideLabel(side) + ' killed, as it says', backgroundColor: COLOURS[index],
        data: periods.map((p) => p.losses[index].killed.by_itself) });
      datasets.push({ label: sideLabel(side) + ' killed, as ' + sideLabel(other) + ' says', backgroundColor: LIGHT_COLOURS[index],
        data: periods.map((p) => p.losses[index].killed.by_other_side) });
    });
    barChart('casualty-trend', labels, datasets, null);
  }

  // --- map ----------------------------------------------------------------------------------
  async function loadMap() {
    const answer = await api.getJson('/api/map');
    window.CeasefireMap.render(answer, state.sides, value('sector'), (sector) => {
      if (!sector) { return; }
      control('sector').value = value('sector') === sector ? '' : sector;
      viewChanged();
    });
  }

  // --- operators ------------------------------------------------------------------------------
  function emptyRow(body, columns, text) {
    body.appendChild(el('tr', {}, [el('td', { colspan: String(columns), className: 'hint', text })]));
  }

  /**
   * The gazetteer names nearest to an unresolved one, nearest first, grouped by their place: the
   * spelling to add is probably one of these places'.
   */
  function closestCell(closest) {
    const byPlace = new Map();
    (closest || []).forEach((name) => {
      const id = name.place_id || '?';
      if (!byPlace.has(id)) { byPlace.set(id, { sector: name.sector, names: [] }); }
      byPlace.get(id).names.push(name.name || '?');
    });
    const list = el('ul', { className: 'closest' });
    byPlace.forEach((place, id) => list.appendChild(el('li', { 'data-place-id': id,
      text: place.names.join(', ') + ' — ' + id + ', ' + (place.sector ? sectorName(place.sector) : 'in no sector') }, [])));
    return el('td', {}, list.children.length ? [list] : [el('span', { className: 'hint', text: '—' })]);
  }

  async function loadOperations() {
    const ops = await api.getJson('/api/operations');
    byId('ops-summary').textContent = 'Last output: ' + (ops.last_output_at ? formatTime(ops.last_output_at) : 'none yet')
      + ' · consumer lag of this instance: ' + (ops.consumer_lag == null ? 'not known yet' : ops.consumer_lag + ' statements');
    byId('ops-summary').dataset.lag = ops.consumer_lag == null ? '' : String(ops.consumer_lag);
    const days = new Map();
    ops.dead_letters_per_day.forEach((d) => days.set(d.day, { rejected: d.count, late: 0 }));
    ops.late_per_day.forEach((d) => days.set(d.day, Object.assign(days.get(d.day) || { rejected: 0 }, { late: d.count })));
    const dayBody = document.querySelector('#ops-days tbody');
    dayBody.replaceChildren();
    [...days.keys()].sort().reverse().slice(0, 60).forEach((day) => dayBody.appendChild(el('tr', { 'data-day': day }, [
      el('td', { text: day }), el('td', { className: 'num', text: days.get(day).rejected }), el('td', { className: 'num', text: days.get(day).late })])));
    if (days.size === 0) { emptyRow(dayBody, 3, 'None.'); }
    const body = document.querySelector('#unresolved tbody');
    body.replaceChildren();
    ops.unresolved_places.slice(0, 100).forEach((place) => body.appendChild(el('tr', { 'data-name': place.name }, [
      el('td', { text: place.name }), el('td', { className: 'num', text: place.count }), closestCell(place.closest)])));
    if (ops.unresolved_places.length === 0) { emptyRow(body, 3, 'None: every place name resolved.'); }
  }

  // --- contradictions -------------------------------------------------------------------------
  function safeLink(url) {
    try {
      const parsed = new URL(String(url));
      if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') { return null; }
      return el('a', { href: parsed.href, rel: 'noopener noreferrer', target: '_blank', text: parsed.hostname });
    } catch (e) {
      return null;
    }
  }

  function casualtiesText(casualties) {
    if (!casualties || casualties.length === 0) { return 'none claimed'; }
    return casualties.map((c) => partyName(c.party) + ': ' + c.killed + ' killed, ' + c.wounded + ' wounded' + (c.civilian ? ' (civilians)' : '')).join('; ');
  }

  function sideName(sideId) {
    const side = state.sides.find((s) => s.id === sideId);
    return side ? side.name : sideId;
  }

  function claimText(claim) { return String(claim || '').toLowerCase(); }

  function statementLink(statementId, text) {
    const link = el('a', { href: location.pathname + query({ view: 'statement', id: statementId }), className: 'statement-link', text });
    link.addEventListener('click', (event) => {
      event.preventDefault();
      writeUrl({ view: 'statement', id: statementId }, true);
      route();
    });
    return link;
  }

  function statementView(ref, sideClass) {
    const rows = [
      ['Issuer', partyName(ref.issuer) + (ref.side ? ' — ' + sideName(ref.side) : '')],
      ['Claim', claimText(ref.claim) + (ref.accused ? ' against ' + partyName(ref.accused) : '')],
      ['Published', formatTime(ref.published_at)],
      ['Incident', formatTime(ref.incident_start) + (ref.incident_end ? ' – ' + formatTime(ref.incident_end) : '')],
      ['Place', ref.location || 'whole front'],
      ['Casualties', casualtiesText(ref.casualties)],
      ['Weapons', (ref.weapons || []).join(', ') || '—']
    ];
    const list = el('dl');
    rows.forEach(([name, v]) => { list.appendChild(el('dt', { text: name })); list.appendChild(el('dd', { text: v })); });
    list.appendChild(el('dt', { text: 'Source' }));
    const link = ref.source_url ? safeLink(ref.source_url) : null;
    list.appendChild(link ? el('dd', {}, [link]) : el('dd', { text: ref.source_url || '—' }));
    const title = el('strong', {}, [statementLink(ref.statement_id, ref.statement_id), document.createTextNode(' rev. ' + ref.revision)]);
    const view = el('div', { className: 'statement ' + sideClass, 'data-statement-id': ref.statement_id }, [title, list]);
    if (ref.text) { view.appendChild(el('div', { className: 'statement-text', text: ref.text })); }
    return view;
  }

  function contradictionView(pair, fresh) {
    const meta = el('div', { className: 'meta' }, [
      el('span', { className: 'kind', text: pair.kind.replace(/_/g, ' ').toLowerCase() }),
      el('span', { className: 'sector', text: sectorName(pair.sector), title: pair.sector }),
      el('span', { text: formatTime(pair.incident_start) })
    ]);
    if (pair.corroborated) { meta.appendChild(el('span', { className: 'badge', text: 'corroborated' })); }
    return el('li', { className: 'contradiction' + (fresh ? ' fresh' : ''), 'data-pair-id': pair.pair_id }, [
      meta, el('div', { className: 'sides' }, [statementView(pair.side_one, 'side-one'), statementView(pair.side_two, 'side-two')])]);
  }

  function contradictionParams() {
    const to = value('to');
    // The API's 'to' is exclusive; the control's day is included.
    return { sector: value('sector'), kind: value('kind'), party: value('party'), statement: value('statement').trim(),
      from: value('from'), to: to ? addDays(to, 1) : '' };
  }

  /** Episodes (incident clusters) unless every pair is asked for. */
  function byEpisode() { return value('group') !== 'pairs'; }

  function updateExports() {
    const pairs = query(contradictionParams());
    const list = byEpisode() ? 'clusters' : 'contradictions';
    byId('export-csv').href = '/api/export/' + list + '.csv' + pairs;
    byId('export-jsonl').href = '/api/export/' + list + '.jsonl' + pairs;
    byId('export-sectors').href = '/api/export/sectors.csv' + query({ end: state.endChosen ? value('end') : '' });
    byId('export-casualties').href = '/api/export/casualties.csv' + query(Object.assign({ sector: value('sector') }, casualtyRange()));
  }

  function kindText(kind) { return String(kind || '').replace(/_/g, ' ').toLowerCase(); }
  function plural(count, one, many) { return count + ' ' + (count === 1 ? one : many); }

  /** One side's statements in an episode: each id links to its page, with issuer, claim and incident. */
  function episodeSide(side, sideClass) {
    const statements = (side && side.statements) || [];
    const list = el('ul', { className: 'episode-statements' });
    statements.forEach((statement) => list.appendChild(el('li', { 'data-statement-id': statement.statement_id }, [
      statementLink(statement.statement_id, statement.statement_id),
      document.createTextNode(' — ' + partyName(statement.issuer) + ', ' + claimText(statement.claim)
        + (statement.location ? ', ' + statement.location : '') + ', ' + formatTime(statement.incident_start))])));
    return el('div', { className: 'episode-side ' + sideClass, 'data-statements': String(statements.length) }, [
      el('strong', { text: (side ? sideName(side.side) : '?') + ': ' + plural(statements.length, 'statement', 'statements') }), list]);
  }

  /** One episode: its sector, period, each side's statements and the pair count by kind, expandable to its pairs. */
  function episodeView(cluster, fresh) {
    const count = Number(cluster.pair_count || 0);
    const byKind = Object.entries(cluster.pairs_by_kind || {}).map(([kind, n]) => n + ' ' + kindText(kind)).join(', ');
    const meta = el('div', { className: 'meta' }, [
      el('span', { className: 'kind', text: 'episode' }),
      el('span', { className: 'sector', text: sectorName(cluster.sector), title: cluster.sector }),
      el('span', { className: 'period', text: formatTime(cluster.first_incident)
        + (cluster.last_incident && cluster.last_incident !== cluster.first_incident ? ' – ' + formatTime(cluster.last_incident) : '') }),
      el('span', { className: 'pair-count', 'data-pairs': String(count), text: plural(count, 'pair', 'pairs') + (byKind ? ': ' + byKind : '') })
    ]);
    if (cluster.corroborated_pairs > 0) { meta.appendChild(el('span', { className: 'badge', text: cluster.corroborated_pairs + ' corroborated' })); }
    const pairs = el('ol', { className: 'episode-pairs' });
    pairs.hidden = true;
    const more = el('button', { type: 'button', className: 'more-pairs', text: 'More pairs' });
    more.hidden = true;
    const toggle = el('button', { type: 'button', className: 'expand', 'aria-expanded': 'false', text: 'Show the ' + plural(count, 'pair', 'pairs') });
    const item = el('li', { className: 'episode' + (fresh ? ' fresh' : ''), 'data-cluster-id': cluster.cluster_id }, [
      meta, el('div', { className: 'sides' }, [episodeSide(cluster.side_one, 'side-one'), episodeSide(cluster.side_two, 'side-two')]),
      toggle, pairs, more]);
    let cursor = null;
    const loadPairs = async (reset) => {
      // Every pair of the episode, whatever the filters that listed it.
      const path = cluster.pairs || '/api/clusters/' + encodeURIComponent(cluster.cluster_id) + '/pairs';
      const page = await api.getJson(path + query({ limit: String(PAGE_SIZE), cursor: reset ? '' : cursor }));
      if (reset) { pairs.replaceChildren(); }
      page.items.forEach((pair) => pairs.appendChild(contradictionView(pair, false)));
      cursor = page.next_cursor;
      more.hidden = !cursor;
    };
    const open = (expand) => {
      pairs.hidden = !expand;
      more.hidden = !expand || !cursor;
      toggle.setAttribute('aria-expanded', String(expand));
      toggle.textContent = expand ? 'Hide the pairs' : 'Show the ' + plural(count, 'pair', 'pairs');
      if (expand) { state.expanded.add(cluster.cluster_id); } else { state.expanded.delete(cluster.cluster_id); }
      return expand ? loadPairs(true) : Promise.resolve();
    };
    toggle.addEventListener('click', () => open(pairs.hidden).catch(reportError));
    more.addEventListener('click', () => loadPairs(false).catch(reportError));
    // Reloaded after a live change: an episode the reader opened stays open.
    if (state.expanded.has(cluster.cluster_id)) { open(true).catch(reportError); }
    return item;
  }

  function appendItems(items, reset) {
    const list = byId('contradictions');
    if (reset) { list.replaceChildren(); }
    const episodes = byEpisode();
    items.forEach((item) => {
      // An episode is new to the reader when it is, or when it has gained pairs.
      const key = episodes ? item.cluster_id + '#' + item.pair_count : item.pair_id;
      const known = episodes ? state.knownEpisodes : state.knownPairs;
      const fresh = !state.firstLoad && !known.has(key);
      known.add(key);
      list.appendChild(episodes ? episodeView(item, fresh) : contradictionView(item, fresh));
    });
    state.firstLoad = false;
    state.shown = list.children.length;
    const noun = episodes ? 'episode' : 'pair';
    byId('contradictions-empty').hidden = state.shown > 0;
    byId('older').hidden = !state.cursor;
    byId('older').textContent = 'Older ' + noun + 's';
    byId('contradictions-end').textContent = 'That is the oldest ' + noun + '.';
    byId('contradictions-end').hidden = !!state.cursor || state.shown === 0;
    byId('contradictions-count').textContent = state.shown + (state.cursor ? '+ ' : ' ') + noun + 's shown';
  }

  function listPath() { return byEpisode() ? '/api/clusters' : '/api/contradictions'; }

  /** The first page again, as long as what is shown now (a live change must not lose older pages the user opened). */
  async function loadContradictions() {
    const limit = Math.min(500, Math.max(PAGE_SIZE, state.shown));
    const page = await api.getJson(listPath() + query(Object.assign(contradictionParams(), { limit: String(limit) })));
    state.cursor = page.next_cursor;
    appendItems(page.items, true);
  }

  async function loadOlder() {
    if (!state.cursor) { return; }
    const page = await api.getJson(listPath() + query(Object.assign(contradictionParams(), { limit: String(PAGE_SIZE), cursor: state.cursor })));
    state.cursor = page.next_cursor;
    appendItems(page.items, false);
  }

  // --- a statement's page ---------------------------------------------------------------------
  async function loadStatement(statementId) {
    byId('statement-id').textContent = statementId;
    const revisions = byId('statement-revisions');
    const pairs = byId('statement-pairs');
    revisions.replaceChildren();
    pairs.replaceChildren();
    let history;
    try {
      history = await api.getJson('/api/statements/' + encodeURIComponent(statementId));
    } catch (e) {
      byId('statement-missing').hidden = false;
      return;
    }
    byId('statement-missing').hidden = true;
    history.revisions.slice().reverse().forEach((statement) => revisions.appendChild(el('li', {}, [statementView({
      statement_id: statement.statement_id, revision: statement.revision + (statement.retracted ? ' (retracted)' : ''),
      issuer: statement.issuer, claim: statement.claim, accused: statement.accused, published_at: statement.published_at,
      incident_start: statement.incident_start, incident_end: statement.incident_end, location: statement.location,
      casualties: statement.casualties, weapons: statement.weapons, source_url: statement.source_url, text: statement.text
    }, 'revision')])));
    history.pairs.forEach((pair) => pairs.appendChild(contradictionView(pair, false)));
    if (history.pairs.length === 0) { pairs.appendChild(el('li', { className: 'hint', text: 'In no pair.' })); }
  }

  // --- loading, live updates, routing ---------------------------------------------------------
  function reportError(error) {
    const status = byId('live-status');
    status.textContent = 'error: ' + error.message;
    status.className = 'status offline';
  }

  function loadAll() {
    updateExports();
    return Promise.all([loadSectors().then(loadCasualties), loadTrend(), loadContradictions(), loadOperations(), loadMap()]);
  }

  function debounce(action) {
    let timer = null;
    return () => {
      clearTimeout(timer);
      timer = setTimeout(() => action().catch(reportError), REFRESH_DELAY_MS);
    };
  }

  function viewChanged() {
    state.firstLoad = true;
    state.shown = 0;
    state.expanded.clear();
    writeUrl();
    loadAll().catch(reportError);
  }

  async function route() {
    const { view, id } = readUrl();
    const onStatement = view === 'statement' && id;
    byId('overview').hidden = !!onStatement;
    byId('controls').hidden = !!onStatement;
    byId('statement-page').hidden = !onStatement;
    byId('statement-back').href = location.pathname + query(viewParams());
    if (onStatement) {
      await loadStatement(id);
    } else {
      await loadAll();
    }
  }

  function showStatus(current, reason) {
    const status = byId('live-status');
    const texts = { starting: 'starting…', retrying: 'reconnecting…', reconnecting: 'reconnecting…', live: 'live' };
    if (status.textContent.startsWith('error: ') && current === 'live') { return; }
    status.textContent = texts[current];
    status.className = 'status ' + (current === 'live' ? 'online' : 'offline');
    status.title = reason || 'Connection to the query API';
    document.body.dataset.connection = current;
  }

  function wireControls() {
    control('end').addEventListener('change', () => { state.endChosen = value('end') !== ''; });
    ['end', 'period', 'from', 'to', 'sector', 'kind', 'party', 'casualties', 'group'].forEach((key) => control(key).addEventListener('change', viewChanged));
    control('statement').addEventListener('change', viewChanged);
    byId('filters').addEventListener('submit', (event) => { event.preventDefault(); viewChanged(); });
    byId('controls').addEventListener('submit', (event) => event.preventDefault());
    byId('reset-view').addEventListener('click', () => {
      Object.keys(CONTROLS).forEach((key) => { control(key).value = DEFAULTS[key] || ''; });
      state.endChosen = false;
      viewChanged();
    });
    byId('older').addEventListener('click', () => loadOlder().catch(reportError));
    byId('trend').addEventListener('keydown', trendKeys);
    byId('trend').addEventListener('focus', () => { if (state.focusIndex < 0) { showTrendPoint(state.trendPoints.length - 1); } });
    byId('statement-back').addEventListener('click', (event) => {
      event.preventDefault();
      history.pushState(null, '', byId('statement-back').href);
      route().catch(reportError);
    });
    window.addEventListener('popstate', () => route().catch(reportError));
  }

  async function start() {
    api.onStatus(showStatus);
    await loadConflict();
    wireControls();
    // The event stream opens before the first load, so that no change made while it loads is missed.
    const refreshTallies = debounce(() => Promise.all([loadSectors().then(loadCasualties), loadTrend(), loadOperations(), loadMap()]));
    const refreshPairs = debounce(loadContradictions);
    api.connectEvents({
      'tally-changed': refreshTallies,
      'contradiction-added': refreshPairs,
      'contradiction-updated': refreshPairs,
      'contradiction-withdrawn': refreshPairs
    }, () => route().catch(reportError));
    await route();
    api.loaded();
    document.body.dataset.loaded = 'true';
    // Rejected and late statements and the lag send no event: the operators' figures are re-read now and then.
    let reading = false;
    setInterval(() => {
      if (reading || byId('overview').hidden) { return; }
      reading = true;
      loadOperations().catch(reportError).finally(() => { reading = false; });
    }, OPERATIONS_REFRESH_MS);
  }

  start().catch(reportError);
}());
