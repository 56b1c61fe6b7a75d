'use strict';
// AMCP web console: one page, eleven tabs, every call authenticated by the session token.
const $ = (id) => document.getElementById(id);
const state = { token: sessionStorage.getItem('amcp.token'), role: null, tab: 'dashboard', charts: {}, equity: [],
  legs: [{ side: 'long', type: 'call', strike: 100, days: 30, quantity: 1 }] };

async function api(method, path, body, raw) {
  const headers = { Authorization: 'Bearer ' + state.token };
  if (body !== undefined && !raw) headers['Content-Type'] = 'application/json';
  const r = await fetch(path, { method, headers, body: body === undefined ? undefined : raw ? body : JSON.stringify(body) });
  if (r.status === 401) { logout(); throw new Error('session expired'); }
  const text = await r.text();
  const data = text ? JSON.parse(text) : null;
  if (!r.ok) throw new Error(data && data.message ? data.message : 'HTTP ' + r.status);
  return data;
}
const esc = (v) => String(v == null ? '' : v).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]));
const num = (v, d = 2) => v == null || v === '' ? '' : Number(v).toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
function table(id, columns, rows, extra) {
  const head = '<tr>' + columns.map((c) => '<th>' + esc(c[0]) + '</th>').join('') + (extra ? '<th></th>' : '') + '</tr>';
  const body = rows.map((r) => '<tr>' + columns.map((c) => '<td>' + esc(c[1](r)) + '</td>').join('')
    + (extra ? '<td>' + extra(r) + '</td>' : '') + '</tr>').join('');
  $(id).innerHTML = head + (body || '<tr><td colspan="' + (columns.length + 1) + '" class="empty">none</td></tr>');
}
const kpis = (id, items) => { $(id).innerHTML = items.map(([k, v]) => '<div class="kpi">' + esc(k) + '<b>' + esc(v) + '</b></div>').join(''); };
function chart(id) {
  if (!state.charts[id]) { state.charts[id] = echarts.init($(id)); state.charts[id].setOption({ animation: false }); }
  return state.charts[id];
}

// ------------------------------------------------------------------ log-in
$('login-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const r = await fetch('/api/v1/session', { method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ key_id: $('login-key').value.trim(), secret: $('login-secret').value }) });
  const data = await r.json();
  if (!r.ok) { $('login-error').textContent = data.message; return; }
  state.token = data.token; sessionStorage.setItem('amcp.token', data.token);
  start();
});
async function logout() {
  if (state.token) { fetch('/api/v1/session', { method: 'DELETE', headers: { Authorization: 'Bearer ' + state.token } }); }
  state.token = null; sessionStorage.removeItem('amcp.token');
  $('app').hidden = true; $('login').hidden = false;
}
$('logout').addEventListener('click', logout);

async function start() {
  const me = await api('GET', '/api/v1/session');
  state.role = me.role;
  $('whoami').textContent = me.key_id + ' (' + me.role + ')';
  $('login').hidden = true; $('app').hidden = false;
  connect();
  show(state.tab);
}

// ------------------------------------------------------------------ live updates
function connect() {
  const ws = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/api/v1/stream?token=' + state.token);
  ws.onopen = () => { $('live').textContent = 'live'; $('live').classList.add('on'); };
  ws.onclose = () => { $('live').textContent = 'offline'; $('live').classList.remove('on'); if (state.token) setTimeout(connect, 3000); };
  ws.onmessage = (m) => {
    const msg = JSON.parse(m.data);
    if (msg.type === 'account') { state.equity.push([Date.now(), msg.equity]); if (state.tab === 'dashboard') drawEquity(); }
    if (msg.type === 'order' && (state.tab === 'orders' || state.tab === 'positions' || state.tab === 'dashboard')) load(state.tab);
  };
}

// ------------------------------------------------------------------ tabs
document.querySelectorAll('#tabs button').forEach((b) => b.addEventListener('click', () => show(b.dataset.tab)));
function show(tab) {
  state.tab = tab;
  document.querySelectorAll('#tabs button').forEach((b) => b.classList.toggle('active', b.dataset.tab === tab));
  document.querySelectorAll('.tab').forEach((t) => t.classList.toggle('active', t.id === 'tab-' + tab));
  load(tab).then(() => { $('tab-' + tab).dataset.loaded = 'true'; Object.values(state.charts).forEach((c) => c.resize()); })
    .catch((e) => { $('tab-' + tab).dataset.error = e.message; });
}
const loaders = {
  async dashboard() {
    const [a, risk] = await Promise.all([api('GET', '/v2/account'), api('GET', '/api/v1/risk')]);
    kpis('dash-kpis', [['Equity', num(a.equity)], ['Cash', num(a.cash)], ['Day P&L', num(a.equity - a.last_equity)],
      ['Unrealized P&L', num(risk.unrealized_pnl)], ['Realized P&L', num(risk.realized_pnl)],
      ['Gross exposure', num(risk.gross_exposure)], ['Net exposure', num(risk.net_exposure)], ['Buying power', num(a.buying_power)]]);
    state.equity.push([Date.now(), Number(a.equity)]);
    drawEquity();
  },
  async positions() {
    const p = await api('GET', '/v2/positions');
    table('positions-table', [['Symbol', (r) => r.symbol], ['Qty', (r) => r.qty], ['Avg entry', (r) => num(r.avg_entry_price)],
      ['Price', (r) => num(r.current_price)], ['Market value', (r) => num(r.market_value)], ['Unrealized P&L', (r) => num(r.unrealized_pl)]], p);
  },
  async orders() {
    const o = await api('GET', '/v2/orders?status=all&limit=100');
    table('orders-table', [['Submitted', (r) => r.submitted_at], ['Client id', (r) => r.client_order_id], ['Symbol', (r) => r.symbol],
      ['Side', (r) => r.side], ['Type', (r) => r.type], ['Qty', (r) => r.qty], ['Limit', (r) => r.limit_price], ['Filled', (r) => r.filled_qty],
      ['Status', (r) => r.status]], o, (r) => ['new', 'accepted', 'partially_filled', 'pending_new'].includes(r.status)
      ? '<button class="cancel" data-id="' + esc(r.id) + '">Cancel</button>' : '');
    document.querySelectorAll('#orders-table .cancel').forEach((b) => b.addEventListener('click', async () => {
      await api('DELETE', '/v2/orders/' + b.dataset.id); setTimeout(() => load('orders'), 300);
    }));
  },
  async strategies() {
    const s = await api('GET', '/api/v1/strategies');
    table('strategies-table', [['Id', (r) => r.id], ['Class', (r) => r.class_name], ['Version', (r) => r.version], ['State', (r) => r.state],
      ['Reason', (r) => r.reason], ['Events', (r) => r.events_handled], ['Orders', (r) => r.orders_submitted], ['Swaps', (r) => r.swaps]], s,
      (r) => ['start', 'stop', 'pause', 'resume'].map((a) => '<button class="sa" data-a="' + a + '" data-id="' + esc(r.id) + '">' + a + '</button>').join(' ')
        + ' <button class="sp" data-id="' + esc(r.id) + '">params</button>');
    document.querySelectorAll('#strategies-table .sa').forEach((b) => b.addEventListener('click', async () => {
      await api('POST', '/api/v1/strategies/' + encodeURIComponent(b.dataset.id) + '/' + b.dataset.a, {}); load('strategies');
    }));
    document.querySelectorAll('#strategies-table .sp').forEach((b) => b.addEventListener('click', () => params(b.dataset.id)));
  },
  async backtests() {
    const [strategies, datasets, jobs] = await Promise.all([api('GET', '/api/v1/backtests/strategies'), api('GET', '/api/v1/datasets'),
      api('GET', '/api/v1/backtests')]);
    btStrategies = strategies;
    fill('bt-strategy', strategies.map((s) => s.name)); fill('bt-dataset', datasets.map((d) => d.id));
    showBacktestParams();
    table('bt-jobs', [['Id', (r) => r.id], ['Strategy', (r) => r.strategy], ['Dataset', (r) => r.dataset], ['State', (r) => r.state],
      ['Progress', (r) => Math.round(r.progress * 100) + '%'], ['Error', (r) => r.error]], jobs,
      (r) => r.state === 'done' ? '<button class="btr" data-id="' + r.id + '">show</button>' : '');
    document.querySelectorAll('#bt-jobs .btr').forEach((b) => b.addEventListener('click', () => showBacktest(b.dataset.id)));
  },
  async marketdata() {
    const datasets = await api('GET', '/api/v1/datasets');
    fill('md-dataset', datasets.map((d) => d.id));
    if (!$('md-symbol').value && datasets.length) $('md-symbol').value = datasets[0].symbols[0];
    await candles();
  },
  async options() {
    await optionChain();
    drawLegs();
    await payoff();
  },
  async risk() {
    const r = await api('GET', '/api/v1/risk');
    kpis('risk-kpis', [['Equity', num(r.equity)], ['Gross exposure', num(r.gross_exposure)], ['Net exposure', num(r.net_exposure)],
      ['Leverage', num(r.leverage, 3)], ['Day P&L', num(r.day_pnl)], ['Buying power', num(r.buying_power)]]);
    $('ks-state').textContent = r.kill_switch.engaged ? 'ENGAGED (' + r.kill_switch.reason + ')' : 'released';
    $('ks-state').dataset.engaged = r.kill_switch.engaged;
    const report = r.report || { status: r.report_status };
    table('risk-report', [['Measure', (x) => x[0]], ['Value', (x) => typeof x[1] === 'number' ? num(x[1]) : x[1]]], Object.entries(report));
  },
  async ai() {
    const m = await api('GET', '/api/v1/models');
    table('models-table', [['Model', (r) => r.name], ['Version', (r) => r.version], ['Kind', (r) => r.kind], ['Trained', (r) => r.trained_at],
      ['Data', (r) => r.dataset + ' ' + r.instrument + ' (' + r.samples + ')'],
      ['Metrics', (r) => Object.entries(r.metrics).map(([k, v]) => k + '=' + num(v, 4)).join(' ')]], m);
  },
  async system() {
    const [h, nodes, metrics, bundles] = await Promise.all([api('GET', '/api/v1/health'), api('GET', '/api/v1/nodes'),
      api('GET', '/api/v1/metrics'), api('GET', '/api/v1/bundles')]);
    kpis('sys-health', [['Status', h.status]].concat(Object.entries(h.checks)));
    table('nodes-table', [['Node', (r) => r.id], ['State', (r) => r.state], ['Uptime s', (r) => r.uptime_seconds], ['Strategies', (r) => r.strategies],
      ['Java', (r) => r.java]], nodes);
    table('metrics-table', [['Metric', (x) => x[0]], ['Value', (x) => x[1]]], Object.entries(metrics));
    table('bundles-table', [['Id', (r) => r.id], ['Bundle', (r) => r.symbolic_name], ['Version', (r) => r.version], ['State', (r) => r.state]], bundles);
  },
  async audit() {
    const alerts = await api('GET', '/api/v1/alerts');
    table('alerts-table', [['Severity', (r) => r.severity], ['Source', (r) => r.source], ['Message', (r) => r.message]], alerts);
    try {
      const a = await api('GET', '/api/v1/audit?limit=200');
      table('audit-table', [['#', (r) => r.sequence], ['Time', (r) => r.time], ['Actor', (r) => r.actor], ['Action', (r) => r.action],
        ['Subject', (r) => r.subject], ['Detail', (r) => r.detail]], a.entries.reverse());
    } catch (e) {
      $('audit-table').innerHTML = '<tr><td>' + esc(e.message) + '</td></tr>';
    }
  },
};
const load = (tab) => loaders[tab]();
function fill(id, values) {
  const sel = $(id); const keep = sel.value;
  sel.innerHTML = values.map((v) => '<option>' + esc(v) + '</option>').join('');
  if (values.includes(keep)) sel.value = keep;
}
function drawEquity() {
  chart('dash-equity').setOption({ title: { text: 'Equity' }, tooltip: { trigger: 'axis' }, xAxis: { type: 'time' },
    yAxis: { type: 'value', scale: true }, series: [{ type: 'line', showSymbol: false, data: state.equity }] });
}

// ------------------------------------------------------------------ orders
$('ticket').addEventListener('submit', async (e) => {
  e.preventDefault();
  const order = { symbol: $('t-symbol').value.trim(), side: $('t-side').value, qty: $('t-qty').value.trim(),
    type: $('t-type').value, time_in_force: $('t-tif').value };
  if (order.type === 'limit') order.limit_price = $('t-limit').value.trim();
  try {
    const o = await api('POST', '/v2/orders', order);
    $('t-result').textContent = 'submitted ' + o.client_order_id + ' (' + o.status + ')';
  } catch (err) { $('t-result').textContent = err.message; }
  load('orders');
});

// ------------------------------------------------------------------ strategies
async function params(id) {
  try {
    const p = await api('GET', '/api/v1/strategies/' + encodeURIComponent(id) + '/params');
    $('params-panel').innerHTML = '<h3>Parameters of ' + esc(id) + '</h3>' + Object.entries(p.params).map(([k, v]) =>
      '<label>' + esc(k) + ' <input data-k="' + esc(k) + '" value="' + esc(v) + '"' + (k === 'id' ? ' disabled' : '') + '></label>').join(' ') + ' <button id="params-save">Apply</button>';
    $('params-save').addEventListener('click', async () => {
      const changes = {};
      $('params-panel').querySelectorAll('input').forEach((i) => { changes[i.dataset.k] = i.value; });
      delete changes.id;
      await api('PUT', '/api/v1/strategies/' + encodeURIComponent(id) + '/params', changes);
      load('strategies');
    });
  } catch (e) { $('params-panel').textContent = e.message; }
}
$('deploy-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const f = $('deploy-file').files[0];
  if (!f) return;
  try {
    const d = await api('POST', '/api/v1/strategies/deploy?name=' + encodeURIComponent(f.name), f, true);
    $('deploy-result').textContent = d.symbolic_name + ' ' + d.version + (d.updated ? ' (updated from ' + d.previous + ')' : ' installed');
  } catch (err) { $('deploy-result').textContent = err.message; }
});

// ------------------------------------------------------------------ backtests
// one field per parameter of the chosen strategy, its default as the placeholder: an empty field takes the default;
// what was typed is kept per strategy. A strategy that does not describe its parameters gets one name=value,... field.
const btParams = {};
let btStrategies = [];
let btShown = null;
function showBacktestParams() {
  if (btShown !== null) btParams[btShown] = typedBacktestParams();
  btShown = $('bt-strategy').value;
  const typed = btParams[btShown] || {};
  const described = Object.entries((btStrategies.find((s) => s.name === btShown) || { parameters: {} }).parameters);
  $('bt-params').innerHTML = described.length
    ? described.map(([k, d]) => '<label>' + esc(k) + ' <input data-k="' + esc(k) + '" placeholder="' + esc(d) + '" value="'
      + esc(typed[k] || '') + '"></label>').join(' ')
    : '<input data-free placeholder="' + esc(btShown) + ' parameters: name=value,... (empty: its defaults)" value="'
      + esc(Object.entries(typed).map(([k, v]) => k + '=' + v).join(',')) + '">';
}
function typedBacktestParams() {
  const params = {};
  document.querySelectorAll('#bt-params input[data-k]').forEach((i) => { if (i.value.trim()) params[i.dataset.k] = i.value.trim(); });
  document.querySelectorAll('#bt-params input[data-free]').forEach((i) => i.value.split(',').map((s) => s.trim()).filter(Boolean)
    .forEach((kv) => { const [k, v] = kv.split('='); params[k.trim()] = (v || '').trim(); }));
  return params;
}
$('bt-strategy').addEventListener('change', showBacktestParams);
$('bt-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const params = typedBacktestParams();
  try {
    let job = await api('POST', '/api/v1/backtests', { strategy: $('bt-strategy').value, dataset: $('bt-dataset').value,
      initial_cash: Number($('bt-cash').value), params });
    while (job.state === 'queued' || job.state === 'running') {
      $('bt-progress').value = job.progress; $('bt-state').textContent = job.id + ' ' + job.state;
      await new Promise((r) => setTimeout(r, 250));
      job = await api('GET', '/api/v1/backtests/' + job.id);
    }
    $('bt-progress').value = job.progress; $('bt-state').textContent = job.id + ' ' + job.state + (job.error ? ': ' + job.error : '');
    if (job.state === 'done') await showBacktest(job.id);
    load('backtests');
  } catch (err) { $('bt-state').textContent = err.message; }
});
async function showBacktest(id) {
  const r = await api('GET', '/api/v1/backtests/' + id + '/result');
  const m = r.metrics;
  kpis('bt-stats', [['Final equity', num(r.finalEquity)], ['Total return', num(m.totalReturn * 100) + '%'], ['CAGR', m.cagr == null ? 'n/a' : num(m.cagr * 100) + '%'],
    ['Sharpe', num(m.sharpe)], ['Sortino', num(m.sortino)], ['Max drawdown', num(m.maxDrawdown * 100) + '%'], ['Trades', m.tradeCount],
    ['Win rate', m.winRate == null ? 'n/a' : num(m.winRate * 100) + '%']]);
  chart('bt-equity').setOption({ title: { text: 'Equity: ' + r.strategy + ' on ' + r.dataset }, tooltip: { trigger: 'axis' },
    xAxis: { type: 'time' }, yAxis: { type: 'value', scale: true }, series: [{ type: 'line', showSymbol: false, data: r.equity_curve }] });
  chart('bt-drawdown').setOption({ title: { text: 'Drawdown' }, xAxis: { type: 'time' }, yAxis: { type: 'value' },
    series: [{ type: 'line', showSymbol: false, areaStyle: {}, data: r.drawdown }] });
  $('tab-backtests').dataset.result = id;
}

// ------------------------------------------------------------------ market data
$('md-load').addEventListener('click', candles);
function sma(values, n) {
  return values.map((_, i) => i + 1 < n ? null : values.slice(i + 1 - n, i + 1).reduce((a, b) => a + b, 0) / n);
}
async function candles() {
  const d = await api('GET', '/api/v1/datasets/' + encodeURIComponent($('md-dataset').value) + '/bars?limit=300&symbol='
    + encodeURIComponent($('md-symbol').value.trim()));
  const dates = d.bars.map((b) => new Date(b[0]).toISOString().slice(0, 16).replace('T', ' '));
  const closes = d.bars.map((b) => b[4]);
  chart('md-chart').setOption({ animation: false, title: { text: d.symbol + ' (' + d.dataset + ')' }, tooltip: { trigger: 'axis' },
    legend: { data: ['OHLC', 'SMA 20', 'SMA 50'] }, xAxis: { type: 'category', data: dates }, yAxis: { type: 'value', scale: true },
    dataZoom: [{ type: 'inside' }, { type: 'slider' }],
    series: [{ name: 'OHLC', type: 'candlestick', data: d.bars.map((b) => [b[1], b[4], b[3], b[2]]) },
      { name: 'SMA 20', type: 'line', showSymbol: false, data: sma(closes, 20) },
      { name: 'SMA 50', type: 'line', showSymbol: false, data: sma(closes, 50) }] }, true);
  $('md-chart').dataset.bars = d.bars.length;
}

// ------------------------------------------------------------------ options
$('opt-form').addEventListener('submit', (e) => { e.preventDefault(); optionChain(); });
async function optionChain() {
  const q = 'spot=' + $('opt-spot').value + '&volatility=' + $('opt-vol').value + '&rate=' + $('opt-rate').value + '&days=' + $('opt-days').value;
  const c = await api('GET', '/api/v1/options/chain?' + q);
  table('opt-chain', [['Call', (r) => num(r.call.price)], ['Δ call', (r) => num(r.call.delta, 3)], ['Strike', (r) => num(r.strike)],
    ['Put', (r) => num(r.put.price)], ['Δ put', (r) => num(r.put.delta, 3)], ['Γ', (r) => num(r.call.gamma, 4)], ['Vega', (r) => num(r.call.vega, 3)]], c.rows);
}
function drawLegs() {
  const rows = state.legs.map((l, i) => '<tr><td><select data-i="' + i + '" data-f="side"><option' + (l.side === 'long' ? ' selected' : '') + '>long</option><option'
    + (l.side === 'short' ? ' selected' : '') + '>short</option></select></td><td><select data-i="' + i + '" data-f="type">'
    + ['call', 'put', 'underlying'].map((t) => '<option' + (l.type === t ? ' selected' : '') + '>' + t + '</option>').join('') + '</select></td>'
    + ['strike', 'days', 'quantity'].map((f) => '<td><input data-i="' + i + '" data-f="' + f + '" value="' + l[f] + '" size="6"></td>').join('')
    + '<td><button data-rm="' + i + '">remove</button></td></tr>').join('');
  $('opt-legs').innerHTML = '<tr><th>Side</th><th>Type</th><th>Strike</th><th>Days</th><th>Qty</th><th></th></tr>' + rows;
  $('opt-legs').querySelectorAll('[data-f]').forEach((el) => el.addEventListener('change', () => {
    const v = el.value; state.legs[el.dataset.i][el.dataset.f] = el.tagName === 'SELECT' ? v : Number(v);
  }));
  $('opt-legs').querySelectorAll('[data-rm]').forEach((b) => b.addEventListener('click', () => { state.legs.splice(b.dataset.rm, 1); drawLegs(); }));
}
$('opt-add').addEventListener('click', () => { state.legs.push({ side: 'short', type: 'call', strike: Number($('opt-spot').value) * 1.05, days: 30, quantity: 1 }); drawLegs(); });
$('opt-payoff').addEventListener('click', payoff);
async function payoff() {
  const p = await api('POST', '/api/v1/options/payoff', { spot: Number($('opt-spot').value), volatility: Number($('opt-vol').value),
    rate: Number($('opt-rate').value), legs: state.legs.map((l) => l.type === 'underlying' ? { side: l.side, type: l.type, quantity: l.quantity } : l) });
  kpis('opt-stats', [['Net premium', num(p.net_premium)], ['Max profit', p.max_profit == null ? 'unbounded' : num(p.max_profit)],
    ['Max loss', p.max_loss == null ? 'unbounded' : num(p.max_loss)], ['Break-evens', p.breakevens.map((b) => num(b)).join(', ')],
    ['P(profit)', num(p.probability_of_profit * 100) + '%'], ['Delta', num(p.greeks.delta, 3)]]);
  chart('opt-chart').setOption({ title: { text: 'Payoff at ' + num(p.horizon_days, 0) + ' days' }, tooltip: { trigger: 'axis' },
    xAxis: { type: 'value', scale: true, name: 'underlying' }, yAxis: { type: 'value', name: 'profit' },
    series: [{ type: 'line', showSymbol: false, areaStyle: { opacity: 0.2 }, data: p.payoff }] });
}

// ------------------------------------------------------------------ risk
$('ks-toggle').addEventListener('click', async () => {
  const engaged = $('ks-state').dataset.engaged === 'true';
  try {
    await api('PUT', '/api/v1/risk/kill-switch', { engaged: !engaged, reason: engaged ? undefined : 'engaged from the console' });
  } catch (e) { alert(e.message); }
  load('risk');
});

if (state.token) start().catch(() => logout());
