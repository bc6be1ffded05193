// The dashboard. Every value from the API comes from untrusted statements: the DOM is built with
// createElement/textContent only, never by parsing HTML, and links are made only for http(s) URLs.
'use strict';

(function () {
  const state = { conflict: null, sides: [], selectedSector: '', knownPairs: new Set(), firstLoad: true, chart: null };
  const REFRESH_DELAY_MS = 300;

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

  async function getJson(path) {
    const response = await fetch(path, { headers: { Accept: 'application/json' } });
    if (!response.ok) { throw new Error(path + ' answered ' + response.status); }
    return response.json();
  }

  function formatTime(iso) {
    if (!iso) { return '—'; }
    return String(iso).replace('T', ' ').replace(/:00Z$|Z$/, ' UTC');
  }

  function sum(counts, codes) {
    return codes.reduce((total, code) => total + Number((counts || {})[code] || 0), 0);
  }

  function sideCodes(side) { return side.parties.map((party) => party.code); }

  // --- conflict definition and filters -----------------------------------------------------
  async function loadConflict() {
    state.conflict = await getJson('/api/conflict');
    state.sides = state.conflict.sides;
    document.getElementById('conflict-name').textContent = state.conflict.name;
    const sectorSelect = document.getElementById('filter-sector');
    state.conflict.sectors.concat([{ id: 'UNRESOLVED', name: 'Unresolved place names' }, { id: 'WHOLE_FRONT', name: 'Whole front' }])
      .forEach((sector) => sectorSelect.appendChild(el('option', { value: sector.id, text: sector.name })));
    const partySelect = document.getElementById('filter-party');
    state.sides.forEach((side) => side.parties.forEach((party) =>
      partySelect.appendChild(el('option', { value: party.code, text: party.code + ' — ' + party.name }))));
    const head = document.getElementById('sectors-head');
    ['7d', '30d', 'all'].forEach((period) => state.sides.forEach((side) =>
      head.appendChild(el('th', { className: 'num', text: period + ' ' + sideCodes(side).join('/'), title: side.name }))));
    head.appendChild(el('th', { className: 'num', text: 'pairs', title: 'Contradictions, all time' }));
    document.getElementById('filters').addEventListener('change', () => { state.firstLoad = true; loadContradictions(); });
  }

  // --- sectors ------------------------------------------------------------------------------
  async function loadSectors() {
    const sectors = await getJson('/api/sectors');
    const body = document.querySelector('#sectors tbody');
    body.replaceChildren();
    sectors.forEach((sector) => {
      const row = el('tr', { 'data-sector': sector.sector }, [el('td', { text: sector.name, title: sector.sector })]);
      [sector.rolling_7d, sector.rolling_30d, sector.all_time].forEach((tally) => state.sides.forEach((side) =>
        row.appendChild(el('td', { className: 'num', text: tally ? sum(tally.accusations, sideCodes(side)) : 0 }))));
      const contradictions = sector.all_time ? Object.values(sector.all_time.contradictions || {}).reduce((a, b) => a + Number(b), 0) : 0;
      row.appendChild(el('td', { className: 'num', text: contradictions }));
      if (sector.sector === state.selectedSector) { row.classList.add('selected'); }
      row.addEventListener('click', () => {
        state.selectedSector = state.selectedSector === sector.sector ? '' : sector.sector;
        document.getElementById('trend-sector').textContent = state.selectedSector ? '(' + sector.name + ')' : '(all sectors)';
        body.querySelectorAll('tr').forEach((tr) => tr.classList.toggle('selected', tr.dataset.sector === state.selectedSector));
        loadTrend();
      });
      body.appendChild(row);
    });
  }

  // Every Monday from the first to the last week with data, so quiet weeks show as zero, not as a gap.
  function fillWeeks(mondays) {
    if (mondays.length === 0) { return []; }
    const days = [];
    const last = new Date(mondays[mondays.length - 1] + 'T00:00:00Z');
    for (let day = new Date(mondays[0] + 'T00:00:00Z'); day <= last && days.length < 520; day.setUTCDate(day.getUTCDate() + 7)) {
      days.push(day.toISOString().slice(0, 10));
    }
    return days;
  }

  // --- trend chart --------------------------------------------------------------------------
  async function loadTrend() {
    const query = state.selectedSector ? '?sector=' + encodeURIComponent(state.selectedSector) : '';
    const weeks = await getJson('/api/discrepancies' + query);
    const byWeek = new Map();
    weeks.forEach((week) => {
      const totals = byWeek.get(week.week_start) || {};
      Object.entries(week.accusations_by_side).forEach(([side, count]) => { totals[side] = (totals[side] || 0) + count; });
      byWeek.set(week.week_start, totals);
    });
    const labels = fillWeeks(weeks.map((week) => week.week_start).sort());
    labels.forEach((label) => { if (!byWeek.has(label)) { byWeek.set(label, {}); } });
    const colours = ['#1f5fa8', '#b5461f'];
    const datasets = state.sides.map((side, index) => ({
      label: side.name, borderColor: colours[index], backgroundColor: colours[index], tension: 0,
      borderDash: index === 0 ? [] : [6, 4],
      data: labels.map((label) => byWeek.get(label)[side.id] || 0)
    }));
    if (typeof Chart === 'undefined') { return; }
    if (state.chart) {
      state.chart.data.labels = labels;
      state.chart.data.datasets = datasets;
      state.chart.update('none');
    } else {
      state.chart = new Chart(document.getElementById('trend'), {
        type: 'line', data: { labels, datasets },
        options: { animation: false, maintainAspectRatio: false, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }
      });
    }
  }

  // --- contradictions -----------------------------------------------------------------------
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
    return casualties.map((c) => c.party + ': ' + c.killed + ' killed, ' + c.wounded + ' wounded' + (c.civilian ? ' (civilians)' : '')).join('; ');
  }

  function statementView(ref, sideClass) {
    const rows = [
      ['Issuer', ref.issuer + (ref.side ? ' (' + ref.side + ')' : '')],
      ['Claim', ref.claim + (ref.accused ? ' against ' + ref.accused : '')],
      ['Published', formatTime(ref.published_at)],
      ['Incident', formatTime(ref.incident_start) + (ref.incident_end ? ' – ' + formatTime(ref.incident_end) : '')],
      ['Place', ref.location || 'whole front'],
      ['Casualties', casualtiesText(ref.casualties)],
      ['Weapons', (ref.weapons || []).join(', ') || '—']
    ];
    const list = el('dl');
    rows.forEach(([name, value]) => { list.appendChild(el('dt', { text: name })); list.appendChild(el('dd', { text: value })); });
    list.appendChild(el('dt', { text: 'Source' }));
    const link = ref.source_url ? safeLink(ref.source_url) : null;
    list.appendChild(link ? el('dd', {}, [link]) : el('dd', { text: ref.source_url || '—' }));
    const view = el('div', { className: 'statement ' + sideClass, 'data-statement-id': ref.statement_id }, [
      el('strong', { text: ref.statement_id + ' rev. ' + ref.revision }), list]);
    if (ref.text) { view.appendChild(el('div', { className: 'statement-text', text: ref.text })); }
    return view;
  }

  function contradictionView(pair, fresh) {
    const meta = el('div', { className: 'meta' }, [
      el('span', { className: 'kind', text: pair.kind.replace(/_/g, ' ').toLowerCase() }),
      el('span', { text: pair.sector }),
      el('span', { text: formatTime(pair.incident_start) })
    ]);
    if (pair.corroborated) { meta.appendChild(el('span', { className: 'badge', text: 'corroborated' })); }
    const item = el('li', { className: 'contradiction' + (fresh ? ' fresh' : ''), 'data-pair-id': pair.pair_id }, [
      meta, el('div', { className: 'sides' }, [statementView(pair.side_one, 'side-one'), statementView(pair.side_two, 'side-two')])]);
    return item;
  }

  async function loadContradictions() {
    const params = new URLSearchParams({ limit: '50' });
    ['sector', 'kind', 'party'].forEach((name) => {
      const value = document.getElementById('filter-' + name).value;
      if (value) { params.set(name, value); }
    });
    const page = await getJson('/api/contradictions?' + params.toString());
    const list = document.getElementById('contradictions');
    list.replaceChildren();
    page.items.forEach((pair) => {
      const fresh = !state.firstLoad && !state.knownPairs.has(pair.pair_id);
      state.knownPairs.add(pair.pair_id);
      list.appendChild(contradictionView(pair, fresh));
    });
    state.firstLoad = false;
    document.getElementById('contradictions-empty').hidden = page.items.length > 0;
  }

  // --- live updates -------------------------------------------------------------------------
  function debounce(action) {
    let timer = null;
    return () => {
      clearTimeout(timer);
      timer = setTimeout(() => action().catch(showError), REFRESH_DELAY_MS);
    };
  }

  function showError(error) {
    const status = document.getElementById('live-status');
    status.textContent = 'error: ' + error.message;
    status.className = 'status offline';
  }

  function connectLive() {
    const status = document.getElementById('live-status');
    const refreshTallies = debounce(() => Promise.all([loadSectors(), loadTrend()]));
    const refreshPairs = debounce(loadContradictions);
    const source = new EventSource('/api/events');
    source.onopen = () => { status.textContent = 'live'; status.className = 'status online'; };
    source.onerror = () => { status.textContent = 'reconnecting…'; status.className = 'status offline'; };
    source.addEventListener('tally-changed', refreshTallies);
    ['contradiction-added', 'contradiction-updated', 'contradiction-withdrawn']
      .forEach((name) => source.addEventListener(name, refreshPairs));
  }

  async function start() {
    await loadConflict();
    await Promise.all([loadSectors(), loadContradictions(), loadTrend()]);
    connectLive();
    document.body.dataset.loaded = 'true';
  }

  start().catch(showError);
}());
