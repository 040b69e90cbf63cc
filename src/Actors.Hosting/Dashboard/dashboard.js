// The Actors live dashboard. Vanilla JavaScript, no framework, no build step.
// It follows two server-sent event streams (never polls): /health/watch/detailed ("health": the detailed health each
// time the aggregator publishes) and /admin/errors/watch ("error": each failure as the journal records it). History
// for the charts is kept in this tab only. Actions are POSTs with "Authorization: Bearer <token>"; the token comes from
// ?access_token= in the address (then removed from it) or the token field, and is kept in sessionStorage.
'use strict';

(() => {
  const WINDOW_MS = 15 * 60 * 1000;
  const MAX_ERRORS = 50;
  const TOKEN_KEY = 'actors.admin.token';
  const SVG = 'http://www.w3.org/2000/svg';

  const history = [];          // { t, score, status, restarts, failuresPerMinute, workingSet, gcHeap, counters }
  let healthEvents = 0;        // shown as <body data-health-events>, for tests and for the curious
  let errorCount = 0;
  let chaosInstalled = false;

  const $ = (id) => document.getElementById(id);

  // ---------- token ----------

  function readToken() {
    const url = new URL(window.location.href);
    const fromUrl = url.searchParams.get('access_token');
    if (fromUrl) {
      sessionStorage.setItem(TOKEN_KEY, fromUrl);
      url.searchParams.delete('access_token');
      window.history.replaceState(null, '', url.pathname + url.search + url.hash);
    }
    return sessionStorage.getItem(TOKEN_KEY) || '';
  }

  let token = readToken();

  function setToken(value) {
    token = value.trim();
    if (token) {
      sessionStorage.setItem(TOKEN_KEY, token);
    } else {
      sessionStorage.removeItem(TOKEN_KEY);
    }
    $('token').value = '';
    renderTokenState();
  }

  function renderTokenState() {
    const has = token.length > 0;
    document.querySelectorAll('button[data-action]').forEach((b) => { b.disabled = !has; });
    $('token').placeholder = has ? 'token set (this tab)' : 'needed for actions';
    $('token-forget').hidden = !has;
    $('actions-hint').textContent = has
      ? 'Actions use the admin token kept in this tab.'
      : 'Actions are disabled: enter the admin token (actors.admin.token) above, or open this page with ?access_token=<token>.';
    $('actions-hint').dataset.state = has ? 'ready' : 'no-token';
  }

  // ---------- formatting ----------

  const fmtInt = (n) => (n === null || n === undefined ? '–' : Math.round(n).toLocaleString('en-US'));
  const fmtPct = (n, digits = 1) => (n === null || n === undefined ? 'n/a' : `${n.toFixed(digits)} %`);
  function fmtBytes(n) {
    if (n === null || n === undefined) return 'n/a';
    const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
    let i = 0;
    let v = n;
    while (v >= 1024 && i < units.length - 1) { v /= 1024; i += 1; }
    return `${v.toFixed(i === 0 ? 0 : 1)} ${units[i]}`;
  }
  function fmtBytesShort(n) {
    const text = fmtBytes(n);
    return text.replace(/\.0 /, ' ').replace(/^(\d{2,})\.\d /, '$1 ');
  }
  // A .NET TimeSpan as JSON: "[d.]hh:mm:ss[.fffffff]".
  function timeSpanMs(text) {
    if (!text) return null;
    const m = /^(?:(\d+)\.)?(\d+):(\d+):(\d+(?:\.\d+)?)$/.exec(text);
    if (!m) return null;
    return ((((Number(m[1] || 0) * 24) + Number(m[2])) * 60 + Number(m[3])) * 60 + Number(m[4])) * 1000;
  }
  function fmtDuration(ms) {
    if (ms === null || ms === undefined) return '–';
    if (ms < 1) return `${ms.toFixed(2)} ms`;
    if (ms < 1000) return `${Math.round(ms)} ms`;
    if (ms < 60000) return `${(ms / 1000).toFixed(1)} s`;
    return `${Math.floor(ms / 60000)} min ${Math.round((ms % 60000) / 1000)} s`;
  }
  // Whole milliseconds (the workloads' latency and age counters).
  const fmtMs = (ms) => (ms === null || ms === undefined ? '–' : ms < 1000 ? `${Math.round(ms)} ms` : fmtDuration(ms));
  function fmtTime(iso) {
    const d = new Date(iso);
    return Number.isNaN(d.getTime()) || d.getFullYear() < 2 ? '–' : d.toLocaleTimeString('en-GB', { hour12: false });
  }
  function fmtAgo(iso) {
    const d = new Date(iso);
    if (Number.isNaN(d.getTime()) || d.getFullYear() < 2) return '–';
    const s = Math.max(0, (nodeNow() - d.getTime()) / 1000);
    if (s < 90) return `${Math.round(s)} s ago`;
    if (s < 5400) return `${Math.round(s / 60)} min ago`;
    return `${(s / 3600).toFixed(1)} h ago`;
  }
  const stateLabel = (s) => ({ circuit_open: 'breaker open', backing_off: 'backing off', running: 'running', starting: 'starting', stopped: 'stopped' }[s] || s);

  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    if (attrs) {
      for (const [k, v] of Object.entries(attrs)) {
        if (v === undefined || v === null || v === false) continue;
        if (k === 'class') e.className = v;
        else if (k === 'text') e.textContent = v;
        else if (k.startsWith('data-')) e.setAttribute(k, v);
        else e.setAttribute(k, v === true ? '' : v);
      }
    }
    for (const c of children) {
      if (c !== null && c !== undefined) e.append(c);
    }
    return e;
  }
  const setText = (id, text) => { const e = $(id); if (e.textContent !== text) e.textContent = text; };

  // ---------- history and rates ----------

  const totalRestarts = (d) => d.kinds.reduce((sum, k) => sum + k.restarts, 0);

  // Time is the aggregator's (the snapshot's "time"), not this browser's: rates and the charts' axis follow the node's clock.
  const nodeNow = () => (history.length ? history[history.length - 1].t : Date.now());

  function remember(d) {
    const now = Date.parse(d.time);
    if (Number.isNaN(now) || new Date(now).getFullYear() < 2) return;
    if (history.length && history[history.length - 1].t > now) history.length = 0;
    const counters = {};
    for (const c of d.counters || []) {
      for (const [name, value] of Object.entries(c.counters)) counters[`${c.owner}\u0000${name}`] = value;
    }
    history.push({
      t: now,
      score: d.summary.health_score,
      status: d.summary.status,
      restarts: totalRestarts(d),
      failuresPerMinute: d.failures_per_minute,
      workingSet: d.resources.working_set_bytes,
      gcHeap: d.resources.gc_heap_bytes,
      counters,
    });
    while (history.length > 1 && history[0].t < now - WINDOW_MS) history.shift();
  }

  // The increase of a running total over the last minute (or over the history so far, when shorter; a total that
  // appeared within the minute counts from its first report).
  function perMinute(pick) {
    if (history.length < 2) return null;
    const last = history[history.length - 1];
    const b = pick(last);
    if (b === undefined) return null;
    let a;
    for (const h of history) {
      const v = pick(h);
      if (v === undefined) continue;
      a = v;
      if (h.t >= last.t - 60000) break;
    }
    if (a === undefined) return null;
    return Math.max(0, b - a);
  }

  // Per-minute series of a running total: at each point, its increase since one minute before.
  function rateSeries(pick) {
    const out = [];
    let j = 0;
    for (let i = 0; i < history.length; i += 1) {
      const h = history[i];
      while (j < i && history[j + 1].t <= h.t - 60000) j += 1;
      // A total that appeared within the minute counts from its first report.
      let a = pick(history[j]);
      for (let k = j + 1; a === undefined && k <= i; k += 1) a = pick(history[k]);
      const b = pick(h);
      out.push({ t: h.t, v: b === undefined ? undefined : a === undefined ? 0 : Math.max(0, b - a) });
    }
    return out;
  }

  // ---------- charts (hand-written SVG) ----------

  // Drawn in the element's own pixels (the viewBox follows its size), so text is never stretched.
  function chart(svg, series, options) {
    const w = Math.max(120, Math.round(svg.clientWidth || 600));
    const h = Math.max(60, Math.round(svg.clientHeight || 150));
    svg.setAttribute('viewBox', `0 0 ${w} ${h}`);
    const pad = { l: options.padLeft || 36, r: 6, t: 8, b: 18 };
    const now = nodeNow();
    const t0 = now - WINDOW_MS;
    let max = options.max;
    if (max === undefined) {
      max = 0;
      for (const s of series) for (const p of s.points) if (p.v !== undefined && p.v !== null) max = Math.max(max, p.v);
      const unit = options.niceUnit || 1;
      max = niceMax(max / unit) * unit;
    }
    const min = options.min || 0;
    const x = (t) => pad.l + ((t - t0) / WINDOW_MS) * (w - pad.l - pad.r);
    const y = (v) => pad.t + (1 - (v - min) / (max - min || 1)) * (h - pad.t - pad.b);
    svg.replaceChildren();
    for (const f of [0, 0.5, 1]) {
      const v = min + (max - min) * f;
      const line = document.createElementNS(SVG, 'line');
      line.setAttribute('x1', pad.l); line.setAttribute('x2', w - pad.r);
      line.setAttribute('y1', y(v)); line.setAttribute('y2', y(v));
      line.setAttribute('class', 'grid-line');
      svg.append(line);
      const label = document.createElementNS(SVG, 'text');
      label.setAttribute('x', pad.l - 6); label.setAttribute('y', y(v) + 4);
      label.setAttribute('class', 'axis');
      label.setAttribute('text-anchor', 'end');
      label.textContent = options.format ? options.format(v) : fmtInt(v);
      svg.append(label);
    }
    for (const [text, t, anchor] of [[`−${WINDOW_MS / 60000} min`, t0, 'start'], ['now', now, 'end']]) {
      const label = document.createElementNS(SVG, 'text');
      label.setAttribute('x', x(t)); label.setAttribute('y', h - 4);
      label.setAttribute('class', 'axis');
      label.setAttribute('text-anchor', anchor);
      label.textContent = text;
      svg.append(label);
    }
    if (options.bands) {
      // Status bands under the score line: one rectangle per run of equal status.
      for (let i = 0; i < history.length; i += 1) {
        const from = Math.max(t0, history[i].t);
        const to = i + 1 < history.length ? history[i + 1].t : now;
        if (to <= t0) continue;
        const r = document.createElementNS(SVG, 'rect');
        r.setAttribute('x', x(from)); r.setAttribute('y', pad.t);
        r.setAttribute('width', Math.max(0.5, x(to) - x(from))); r.setAttribute('height', h - pad.t - pad.b);
        r.setAttribute('class', `band ${history[i].status}`);
        svg.append(r);
      }
    }
    for (const s of series) {
      const pts = s.points.filter((p) => p.t >= t0 - 60000 && p.v !== undefined && p.v !== null);
      if (pts.length === 0) continue;
      // Step line: a value holds until the next one arrives, and the last holds until now.
      let d = `M${x(Math.max(t0, pts[0].t)).toFixed(1)},${y(pts[0].v).toFixed(1)}`;
      for (let i = 1; i < pts.length; i += 1) {
        d += ` H${x(Math.max(t0, pts[i].t)).toFixed(1)} V${y(pts[i].v).toFixed(1)}`;
      }
      d += ` H${x(now).toFixed(1)}`;
      const path = document.createElementNS(SVG, 'path');
      path.setAttribute('d', d);
      path.setAttribute('class', `series ${s.cls}`);
      svg.append(path);
    }
  }

  function niceMax(v) {
    if (v <= 0) return 1;
    const p = 10 ** Math.floor(Math.log10(v));
    for (const m of [1, 2, 2.5, 5, 10]) if (v <= m * p) return m * p;
    return 10 * p;
  }

  function drawCharts() {
    chart($('chart-score'), [{ cls: 'score', points: history.map((h) => ({ t: h.t, v: h.score })) }], { min: 0, max: 100, bands: true });
    chart($('chart-rates'), [
      { cls: 'failures', points: history.map((h) => ({ t: h.t, v: h.failuresPerMinute })) },
      { cls: 'restarts', points: rateSeries((h) => h.restarts) },
    ], {});
    chart($('chart-memory'), [
      { cls: 'ws', points: history.map((h) => ({ t: h.t, v: h.workingSet })) },
      { cls: 'heap', points: history.map((h) => ({ t: h.t, v: h.gcHeap })) },
    ], { format: fmtBytesShort, padLeft: 58, niceUnit: 1024 * 1024 });
  }

  // ---------- rendering the health ----------

  function render(d) {
    const s = d.summary;
    setText('score', String(s.health_score));
    $('score').dataset.status = s.status;
    setText('status', s.status);
    $('status').dataset.status = s.status;
    const reasons = $('reasons');
    reasons.replaceChildren(...d.reasons.map((r) => el('li', { text: r })));
    setText('t-instances', fmtInt(s.total_instances));
    setText('t-active', fmtInt(s.active_connections));
    setText('t-connecting', fmtInt(s.connecting));
    const backingOff = d.kinds.reduce((n, k) => n + k.backing_off, 0);
    const open = d.kinds.reduce((n, k) => n + k.circuit_open, 0);
    setText('t-backing-off', fmtInt(backingOff));
    $('t-backing-off').classList.toggle('warn', backingOff > 0);
    setText('t-circuit-open', fmtInt(open));
    $('t-circuit-open').classList.toggle('bad', open > 0);
    setText('t-fpm', fmtInt(d.failures_per_minute));
    $('t-fpm').classList.toggle('bad', d.failures_per_minute > 0);
    const rpm = perMinute((h) => h.restarts);
    setText('t-rpm', rpm === null ? '–' : fmtInt(rpm));
    setText('t-mpm', fmtInt(d.messages_per_minute));
    setText('t-error-rate', `${(d.error_rate * 100).toFixed(2)}%`);
    setText('t-recent', fmtInt(s.total_recent_failures));
    setText('t-activations', fmtInt(s.circuit_breaker_activations));
    setText('t-retries', fmtInt(s.total_retry_attempts));
    setText('asof', `as of ${fmtTime(s.as_of)}${s.stale ? ' (stale: the aggregator did not answer)' : ''}`);

    renderKinds(d.kinds);
    renderUnavailable(d.instances);
    renderResources(d.resources);
    renderChaosState(d.counters || []);
    renderOutbox(d.counters || []);
    renderPrediction(d.counters || []);
    renderFeeds(d.counters || []);
    renderWorkloads(d.counters || [], d.workloads || []);
    drawCharts();
    drawWorkloadCharts();
  }

  function renderKinds(kinds) {
    $('kinds-empty').hidden = kinds.length > 0;
    $('kinds').replaceChildren(...kinds.map((k) => {
      const reset = el('button', { type: 'button', class: 'small', 'data-testid': `reset-kind-${k.kind}`, title: `POST /units/${k.kind}/reset-breakers` }, 'Reset breakers');
      reset.disabled = !token;
      reset.dataset.action = 'reset-kind';
      reset.dataset.kind = k.kind;
      const p95 = timeSpanMs(k.p95_handling_time);
      return el('tr', { 'data-testid': `kind-${k.kind}` },
        el('td', { class: 'name', text: k.kind }),
        el('td', { class: 'num', 'data-testid': 'instances', text: fmtInt(k.instances) }),
        el('td', { class: `num${k.active > 0 ? ' ok' : ''}`, 'data-testid': 'active', text: fmtInt(k.active) }),
        el('td', { class: `num${k.backing_off > 0 ? ' warn' : ''}`, 'data-testid': 'backing-off', text: fmtInt(k.backing_off) }),
        el('td', { class: `num${k.circuit_open > 0 ? ' bad' : ''}`, 'data-testid': 'circuit-open', text: fmtInt(k.circuit_open) }),
        el('td', { class: 'num', text: fmtInt(k.restarts) }),
        el('td', { class: `num${k.recent_failures > 0 ? ' warn' : ''}`, text: fmtInt(k.recent_failures) }),
        el('td', { class: 'num', text: p95 === null ? '–' : fmtDuration(p95) }),
        el('td', { class: 'act' }, reset));
    }));
  }

  function renderUnavailable(instances) {
    const rows = instances.filter((i) => i.state === 'circuit_open' || i.state === 'backing_off');
    rows.sort((a, b) => (a.state === b.state ? 0 : a.state === 'circuit_open' ? -1 : 1));
    $('unavailable-empty').hidden = rows.length > 0;
    $('unavailable').replaceChildren(...rows.map((i) => {
      const reset = el('button', { type: 'button', class: 'small', 'data-testid': `reset-${i.kind}-${i.id}`, title: `POST /units/${i.kind}/${i.id}/reset-breaker` }, 'Reset');
      reset.disabled = !token;
      reset.dataset.action = 'reset-one';
      reset.dataset.kind = i.kind;
      reset.dataset.id = i.id;
      return el('tr', { 'data-testid': `breaker-${i.kind}-${i.id}`, 'data-state': i.state },
        el('td', { class: 'name', text: `${i.kind}/${i.id}` }),
        el('td', null, el('span', { class: `pill small ${i.state}`, 'data-testid': 'state', text: stateLabel(i.state) })),
        el('td', { class: 'muted', text: fmtAgo(i.since) }),
        el('td', { class: 'num', text: fmtInt(i.restarts) }),
        el('td', { class: 'num', text: fmtInt(i.breaker_activations) }),
        el('td', { class: 'msg', text: i.last_failure || '–', title: i.last_failure || '' }),
        el('td', { class: 'act' }, reset));
    }));
  }

  function renderResources(r) {
    const facts = [
      ['CPU', fmtPct(r.cpu_percent)],
      ['Memory', r.memory_percent === null ? 'n/a' : `${fmtPct(r.memory_percent)} of available`],
      ['Working set', fmtBytes(r.working_set_bytes)],
      ['GC heap', fmtBytes(r.gc_heap_bytes)],
      ['GC pause', fmtPct(r.gc_pause_percent, 2)],
      ['Disk', fmtPct(r.disk_percent)],
      ['Thread-pool queue', fmtInt(r.thread_pool_queue_length)],
    ];
    $('resources').replaceChildren(...facts.flatMap(([k, v]) => [el('dt', { text: k }), el('dd', { text: v })]));
  }

  // ---------- the workloads' own panels: outbox, prediction jobs, feeds ----------
  // Owners and counter names as the workloads publish them (WorkloadCounters): see the README's Dashboard section.

  const OUTBOX = 'sessions/outbox';
  const FEED_TICKS = 'feed-ticks/';
  const PREDICTION = 'prediction/';
  const STALE_TICK_MS = 2000;
  let predictionModels = [];   // the prediction owners with job counters in the last snapshot, for the chart

  const counterKey = (owner, name) => `${owner}\u0000${name}`;
  const pickCounter = (owner, name) => (h) => h.counters[counterKey(owner, name)];
  const pickSum = (owner, names) => (h) => {
    let sum = 0;
    for (const n of names) {
      const v = h.counters[counterKey(owner, n)];
      if (v === undefined) return undefined;
      sum += v;
    }
    return sum;
  };
  const rateText = (v) => (v === null ? '–' : fmtInt(v));
  // A workload claimed by a panel above: its counters are not repeated as a generic card.
  const isPanelCounters = (owner, counters) => owner === OUTBOX || owner === 'chaos' || owner.startsWith(FEED_TICKS)
    || (owner.startsWith(PREDICTION) && counters && 'submitted' in counters);

  function renderOutbox(counters) {
    const o = counters.find((c) => c.owner === OUTBOX);
    $('outbox-card').hidden = !o;
    if (!o) return;
    const c = o.counters;
    setText('outbox-depth', fmtInt(c.depth));
    setText('outbox-delivered-per-minute', rateText(perMinute(pickCounter(OUTBOX, 'delivered_total'))));
    setText('outbox-accepted-per-minute', rateText(perMinute(pickCounter(OUTBOX, 'accepted_total'))));
    setText('outbox-instances', fmtInt(c.instances));
    setText('outbox-delivered-total', fmtInt(c.delivered_total));
  }

  function renderPrediction(counters) {
    const models = counters.filter((c) => c.owner.startsWith(PREDICTION) && 'submitted' in c.counters)
      .sort((a, b) => a.owner.localeCompare(b.owner));
    predictionModels = models.map((m) => m.owner);
    $('prediction-card').hidden = models.length === 0;
    $('prediction').replaceChildren(...models.map((m) => {
      const model = m.owner.slice(PREDICTION.length);
      const c = m.counters;
      const failed = perMinute(pickCounter(m.owner, 'failed'));
      const timedOut = perMinute(pickCounter(m.owner, 'timed_out'));
      return el('tr', { 'data-testid': `prediction-${model}` },
        el('td', { class: 'name', text: model }),
        el('td', { class: 'num', 'data-testid': 'completed-per-minute', text: rateText(perMinute(pickCounter(m.owner, 'completed'))) }),
        el('td', { class: 'num', 'data-testid': 'refused-per-minute', text: rateText(perMinute(pickCounter(m.owner, 'refused'))) }),
        el('td', { class: `num${failed > 0 ? ' bad' : ''}`, 'data-testid': 'failed-per-minute', text: rateText(failed) }),
        el('td', { class: `num${timedOut > 0 ? ' warn' : ''}`, 'data-testid': 'timed-out-per-minute', text: rateText(timedOut) }),
        el('td', { class: 'num', 'data-testid': 'p50', text: fmtMs(c.latency_p50_ms) }),
        el('td', { class: 'num', 'data-testid': 'p95', text: fmtMs(c.latency_p95_ms) }),
        el('td', { class: 'num muted', 'data-testid': 'max', text: fmtMs(c.latency_max_ms) }));
    }));
  }

  function renderFeeds(counters) {
    const feeds = counters.filter((c) => c.owner.startsWith(FEED_TICKS)).sort((a, b) => a.owner.localeCompare(b.owner));
    $('feeds-card').hidden = feeds.length === 0;
    $('feeds').replaceChildren(...feeds.map((f) => {
      const symbol = f.owner.slice(FEED_TICKS.length);
      const c = f.counters;
      const streaming = c.streaming === 1;
      const age = c.tick_age_ms;
      const stale = age === undefined || age > STALE_TICK_MS;
      const reconnects = perMinute(pickCounter(f.owner, 'reconnects'));
      return el('tr', { 'data-testid': `feed-${symbol}`, 'data-streaming': String(streaming) },
        el('td', { class: 'name', text: symbol }),
        el('td', null, el('span', { class: `pill small ${streaming ? 'healthy' : 'backing_off'}`, 'data-testid': 'state', text: streaming ? 'streaming' : 'not streaming' })),
        el('td', { class: `num${stale ? ' bad' : ' ok'}`, 'data-testid': 'tick-age', 'data-stale': String(stale), text: age === undefined ? 'no tick yet' : fmtMs(age) }),
        el('td', { class: 'num', 'data-testid': 'ticks-per-minute', text: rateText(perMinute(pickCounter(f.owner, 'ticks_total'))) }),
        el('td', { class: `num${reconnects > 0 ? ' warn' : ''}`, 'data-testid': 'reconnects', text: fmtInt(c.reconnects) }));
    }));
  }

  function drawWorkloadCharts() {
    if (!$('outbox-card').hidden) {
      chart($('chart-outbox'), [
        { cls: 'depth', points: history.map((h) => ({ t: h.t, v: h.counters[counterKey(OUTBOX, 'depth')] })) },
        { cls: 'delivered', points: rateSeries(pickCounter(OUTBOX, 'delivered_total')) },
      ], {});
    }
    if (!$('prediction-card').hidden) {
      // With several models, the slowest model's figure at each point.
      const worst = (name) => history.map((h) => {
        let v;
        for (const owner of predictionModels) {
          const x = h.counters[counterKey(owner, name)];
          if (x !== undefined) v = v === undefined ? x : Math.max(v, x);
        }
        return { t: h.t, v };
      });
      chart($('chart-latency'), [
        { cls: 'p50', points: worst('latency_p50_ms') },
        { cls: 'p95', points: worst('latency_p95_ms') },
      ], { format: fmtMs, padLeft: 52 });
    }
  }

  // A card per workload owner: its counters (total and increase over the last minute) and its memory report.
  // Counters that a panel above shows (outbox, prediction jobs, feed ticks) are not repeated here.
  function renderWorkloads(counters, memory) {
    const owners = new Map();
    for (const c of counters) {
      if (!isPanelCounters(c.owner, c.counters)) owners.set(c.owner, { counters: c.counters, memory: null });
    }
    for (const m of memory) {
      const o = owners.get(m.owner) || { counters: null, memory: null };
      o.memory = m;
      owners.set(m.owner, o);
    }
    $('workloads-empty').hidden = owners.size > 0;
    const cards = [...owners.keys()].sort().map((owner) => {
      const o = owners.get(owner);
      const rows = [];
      if (o.memory) {
        rows.push(el('tr', null, el('td', { text: owner.startsWith('prediction/') ? 'jobs running' : 'items' }), el('td', { class: 'num', text: fmtInt(o.memory.items) }), el('td')));
        rows.push(el('tr', null, el('td', { text: 'memory' }), el('td', { class: 'num', text: fmtBytes(o.memory.bytes) }), el('td')));
        rows.push(el('tr', null, el('td', { text: 'largest item' }), el('td', { class: 'num', text: fmtBytes(o.memory.largest_item_bytes) }), el('td')));
      }
      if (o.counters) {
        for (const name of Object.keys(o.counters).sort()) {
          const key = `${owner}\u0000${name}`;
          const rate = perMinute((h) => h.counters[key]);
          rows.push(el('tr', null,
            el('td', { text: name.replaceAll('_', ' ') }),
            el('td', { class: 'num', text: fmtInt(o.counters[name]) }),
            el('td', { class: 'num muted', text: rate === null ? '' : `+${fmtInt(rate)}/min` })));
        }
      }
      const [kind, ...rest] = owner.split('/');
      return el('div', { class: 'workload', 'data-testid': `workload-${owner}` },
        el('div', { class: 'workload-head' }, el('span', { class: 'tag', text: kind }), el('span', { class: 'name', text: rest.join('/') || kind })),
        el('table', { class: 'table compact' }, el('tbody', null, ...rows)));
    });
    $('workloads').replaceChildren(...cards);
  }

  // ---------- errors ----------

  function addError(e) {
    errorCount += 1;
    const list = $('errors');
    const who = e.unit_kind ? `${e.unit_kind}/${e.unit_id}` : e.actor_path;
    const type = e.exception_type.split('.').pop();
    const item = el('li', { 'data-testid': 'error', 'data-sequence': String(e.sequence) },
      el('span', { class: 'when', text: fmtTime(e.time) }),
      el('span', { class: 'who', text: who }),
      el('span', { class: 'what' }, el('b', { text: type, title: e.exception_type }), document.createTextNode(` ${e.message}`)),
      el('span', { class: `pill small directive ${e.directive.toLowerCase()}`, text: e.directive }));
    list.prepend(item);
    while (list.children.length > MAX_ERRORS) list.lastElementChild.remove();
    $('errors-empty').hidden = errorCount > 0;
  }

  // ---------- streams ----------

  function streamUrl(path) {
    // EventSource cannot send headers: off loopback, where reads need the token too, it goes in the query.
    return token ? `${path}${path.includes('?') ? '&' : '?'}access_token=${encodeURIComponent(token)}` : path;
  }

  let healthStream = null;
  let errorStream = null;

  function connect() {
    if (healthStream) healthStream.close();
    if (errorStream) errorStream.close();
    setConnection('connecting', 'connecting…');
    healthStream = new EventSource(streamUrl('/health/watch/detailed'));
    healthStream.addEventListener('open', () => setConnection('live', 'live'));
    healthStream.addEventListener('error', () => setConnection('down', token ? 'reconnecting…' : 'reconnecting… (if reads need the token, enter it)'));
    healthStream.addEventListener('health', (ev) => {
      const d = JSON.parse(ev.data);
      healthEvents += 1;
      document.body.dataset.healthEvents = String(healthEvents);
      remember(d);
      // How much history the tab holds (seconds, on the node's clock): for a screenshot that waits for some.
      document.body.dataset.historySeconds = String(history.length ? Math.floor((history[history.length - 1].t - history[0].t) / 1000) : 0);
      render(d);
      setConnection('live', 'live');
    });
    errorStream = new EventSource(streamUrl('/admin/errors/watch?backlog=20'));
    errorStream.addEventListener('open', () => {
      // A reconnect sends the backlog again.
      errorCount = 0;
      $('errors').replaceChildren();
      $('errors-empty').hidden = false;
    });
    // The stream's event type is "error", which is also the name of EventSource's own connection-error event:
    // only a MessageEvent carries a failure.
    errorStream.addEventListener('error', (ev) => {
      if (ev instanceof MessageEvent && ev.data) addError(JSON.parse(ev.data));
    });
  }

  function setConnection(state, text) {
    const c = $('conn');
    c.dataset.state = state;
    c.textContent = text;
  }

  // ---------- actions ----------

  async function post(path) {
    let response;
    try {
      response = await fetch(path, { method: 'POST', headers: { Authorization: `Bearer ${token}`, Accept: 'application/json, application/problem+json' } });
    } catch (e) {
      return { ok: false, text: `the node did not answer (${e.message})` };
    }
    let body = null;
    try { body = await response.json(); } catch { body = null; }
    if (!response.ok) {
      const detail = body && (body.detail || body.title);
      return { ok: false, status: response.status, body, text: `${response.status} ${detail || response.statusText}` };
    }
    return { ok: true, status: response.status, body };
  }

  function outcome(ok, title, text) {
    const item = el('li', { class: ok ? 'ok' : 'bad', 'data-testid': 'outcome', 'data-ok': String(ok) },
      el('span', { class: 'when', text: new Date().toLocaleTimeString('en-GB', { hour12: false }) }),
      el('b', { text: title }),
      document.createTextNode(` ${text}`));
    const list = $('outcomes');
    list.prepend(item);
    while (list.children.length > 6) list.lastElementChild.remove();
  }

  function summarize(body) {
    if (!body || typeof body !== 'object') return 'done';
    const parts = [];
    for (const [k, v] of Object.entries(body)) {
      if (v === null || typeof v === 'object') continue;
      parts.push(`${k.replaceAll('_', ' ')}: ${v}`);
      if (parts.length === 5) break;
    }
    return parts.length ? parts.join(', ') : 'done';
  }

  async function run(action, button) {
    if (!token) {
      outcome(false, action, 'no admin token: enter it above first');
      return;
    }
    button.disabled = true;
    try {
      switch (action) {
        case 'reset-one': {
          const { kind, id } = button.dataset;
          const r = await post(`/units/${encodeURIComponent(kind)}/${encodeURIComponent(id)}/reset-breaker`);
          outcome(r.ok, `Reset ${kind}/${id}`, r.ok ? `breaker ${r.body.previous.toLowerCase()} → ${r.body.state.toLowerCase()}` : r.text);
          break;
        }
        case 'reset-kind': {
          const { kind } = button.dataset;
          const r = await post(`/units/${encodeURIComponent(kind)}/reset-breakers`);
          outcome(r.ok, `Reset breakers of ${kind}`, r.ok ? `${r.body.instances} instance(s) reset` : r.text);
          break;
        }
        case 'cleanup': {
          const r = await post('/admin/cleanup');
          outcome(r.ok, 'Cleanup', r.ok ? summarize(r.body) : r.text);
          break;
        }
        case 'emergency': {
          if (!await confirmDialog('Emergency', 'Stop every non-critical unit and refuse new work until the node is restarted or recovers? Critical kinds keep running.')) {
            outcome(false, 'Emergency', 'cancelled');
            break;
          }
          const r = await post('/admin/emergency');
          outcome(r.ok, 'Emergency', r.ok ? summarize(r.body) : r.text);
          break;
        }
        case 'chaos-start':
        case 'chaos-stop': {
          const verb = action === 'chaos-start' ? 'start' : 'stop';
          const r = await post(`/admin/chaos/${verb}`);
          outcome(r.ok, `Chaos ${verb}`, r.ok ? summarize(r.body) : r.text);
          await refreshChaos();
          break;
        }
        default:
          break;
      }
    } finally {
      button.disabled = !token;
    }
  }

  function confirmDialog(title, text) {
    const dialog = $('confirm');
    setText('confirm-title', title);
    setText('confirm-text', text);
    return new Promise((resolve) => {
      const done = (answer) => {
        dialog.close();
        resolve(answer);
      };
      dialog.querySelector('[data-testid="confirm-ok"]').onclick = (e) => { e.preventDefault(); done(true); };
      dialog.querySelector('[data-testid="confirm-cancel"]').onclick = (e) => { e.preventDefault(); done(false); };
      dialog.oncancel = () => resolve(false);
      dialog.showModal();
    });
  }

  // Chaos is optional: GET /admin/chaos answers 404 where it is not installed, and the controls stay hidden.
  // Read once at start and after each chaos action (a status read, not a poll of the actors).
  async function refreshChaos() {
    let response;
    try {
      response = await fetch(streamUrl('/admin/chaos'), { headers: { Accept: 'application/json' } });
    } catch {
      return;
    }
    chaosInstalled = response.ok;
    $('chaos').hidden = !chaosInstalled;
    $('chaos-missing').hidden = chaosInstalled || response.status !== 404;
    if (!chaosInstalled) return;
    const status = await response.json().catch(() => null);
    showChaosRunning(!!(status && status.running));
  }

  // Chaos reports its state into health (owner `chaos`): the pill follows it live, whoever started or stopped it.
  function renderChaosState(counters) {
    const c = counters.find((x) => x.owner === 'chaos');
    if (!c || !chaosInstalled) return;
    showChaosRunning(c.counters.running === 1);
  }

  function showChaosRunning(running) {
    const pill = $('chaos-state');
    pill.textContent = running ? 'running' : 'stopped';
    pill.className = `pill small ${running ? 'warning' : 'healthy'}`;
    pill.dataset.running = String(running);
  }

  // ---------- start ----------

  document.addEventListener('DOMContentLoaded', () => {
    setText('node', window.location.host);
    $('token-form').addEventListener('submit', (e) => {
      e.preventDefault();
      setToken($('token').value);
      connect();
    });
    $('token-forget').addEventListener('click', () => setToken(''));
    document.body.addEventListener('click', (e) => {
      const button = e.target.closest('button[data-action]');
      if (button && !button.disabled) run(button.dataset.action, button);
    });
    renderTokenState();
    connect();
    refreshChaos();
  });
})();
