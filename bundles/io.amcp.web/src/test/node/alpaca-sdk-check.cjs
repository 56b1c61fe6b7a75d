// Runs account, order and position flows of the official Alpaca SDK (@alpacahq/alpaca-trade-api)
// and its market data v2 calls against an AMCP server. Usage: node alpaca-sdk-check.cjs submit|close|market
// Environment: AMCP_BASE_URL, APCA_API_KEY_ID, APCA_API_SECRET_KEY. Prints one JSON line of results.
'use strict';
const { trading, marketData } = require('@alpacahq/alpaca-trade-api');

const config = new trading.Configuration({
  basePath: process.env.AMCP_BASE_URL,
  keyId: process.env.APCA_API_KEY_ID,
  secret: process.env.APCA_API_SECRET_KEY,
});
const accounts = new trading.AccountsApi(config);
const orders = new trading.OrdersApi(config);
const positions = new trading.PositionsApi(config);

async function submitPhase() {
  const account = await accounts.getAccount();
  const market = await orders.postOrder({ postOrderRequest: {
    symbol: 'AAPL', qty: '10', side: 'buy', type: 'market', timeInForce: 'day', clientOrderId: 'sdk-market-1' } });
  const limit = await orders.postOrder({ postOrderRequest: {
    symbol: 'AAPL', qty: '1', side: 'buy', type: 'limit', limitPrice: '90', timeInForce: 'gtc',
    clientOrderId: 'sdk-limit-1' } });
  const open = await orders.getAllOrders({ status: 'open', symbols: 'AAPL' });
  const fetched = await orders.getOrderByOrderID({ orderId: limit.id });
  await orders.deleteOrderByOrderID({ orderId: limit.id });
  let rejected = null;
  try {
    await orders.postOrder({ postOrderRequest: {
      symbol: 'AAPL', qty: '100000', side: 'buy', type: 'market', timeInForce: 'day' } });
  } catch (e) {
    rejected = { name: e.constructor.name, status: e.status, code: e.code, message: e.message };
  }
  let invalid = null;
  try {
    await orders.postOrder({ postOrderRequest: {
      symbol: 'AAPL', qty: '1', side: 'buy', type: 'limit', timeInForce: 'day' } });
  } catch (e) {
    invalid = { name: e.constructor.name, status: e.status, code: e.code, message: e.message };
  }
  return {
    cash: account.cash, buyingPower: account.buyingPower, accountStatus: account.status,
    marketId: market.id, marketClientOrderId: market.clientOrderId, marketQty: market.qty, marketSide: market.side,
    openClientOrderIds: open.map((o) => o.clientOrderId).sort(),
    fetchedId: fetched.id, fetchedLimitPrice: fetched.limitPrice, fetchedStatus: fetched.status,
    limitId: limit.id, rejected, invalid,
  };
}

async function closePhase() {
  const held = await positions.getAllOpenPositions();
  const afterFill = await accounts.getAccount();
  const limit = await orders.getOrderByOrderID({ orderId: process.env.AMCP_LIMIT_ID });
  const closing = await positions.deleteOpenPosition({ symbolOrAssetId: 'AAPL' });
  return {
    positions: held.map((p) => ({ symbol: p.symbol, qty: p.qty, avgEntryPrice: p.avgEntryPrice, side: p.side,
      marketValue: p.marketValue })),
    cash: afterFill.cash, equity: afterFill.equity,
    limitStatus: limit.status,
    closingSide: closing.side, closingQty: closing.qty, closingType: closing.type,
  };
}

async function marketPhase() {
  const stocks = new marketData.StockApi(new marketData.Configuration({
    basePath: process.env.AMCP_BASE_URL,
    keyId: process.env.APCA_API_KEY_ID,
    secret: process.env.APCA_API_SECRET_KEY,
  }));
  const range = { timeframe: '1Day', start: new Date('2013-01-02T00:00:00Z'), end: new Date('2013-01-05T00:00:00Z'),
    limit: 2 };
  const first = await stocks.stockBars({ symbols: 'AAPL', ...range });
  const second = await stocks.stockBars({ symbols: 'AAPL', ...range, pageToken: first.nextPageToken });
  const single = await stocks.stockBarSingle({ symbol: 'AAPL', ...range });
  const latest = await stocks.stockLatestBarSingle({ symbol: 'AAPL' });
  const bar = (b) => ({ t: new Date(b.t).toISOString(), o: b.o, h: b.h, l: b.l, c: b.c, v: b.v });
  let invalid = null;
  try {
    await stocks.stockBars({ symbols: 'AAPL', timeframe: '7Day' });
  } catch (e) {
    invalid = { status: e.status || (e.response && e.response.status), message: e.message };
  }
  return {
    firstPage: first.bars.AAPL.map(bar), nextPageToken: first.nextPageToken,
    secondPage: second.bars.AAPL.map(bar), lastToken: second.nextPageToken,
    singleSymbol: single.symbol, singleCount: single.bars.length,
    latestClose: latest.bar.c, invalid,
  };
}

const phase = process.argv[2];
const phases = { submit: submitPhase, close: closePhase, market: marketPhase };
phases[phase]()
  .then((result) => { console.log(JSON.stringify(result)); process.exit(0); })
  .catch((e) => { console.error('SDK flow failed:', e && (e.stack || e)); process.exit(1); });
