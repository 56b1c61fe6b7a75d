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
  const quotes = await stocks.stockQuotes({ symbols: 'AAPL', limit: 1 });
  const moreQuotes = await stocks.stockQuotes({ symbols: 'AAPL', limit: 1, pageToken: quotes.nextPageToken });
  const trades = await stocks.stockTradeSingle({ symbol: 'AAPL', start: new Date('2024-03-04T15:30:01Z') });
  // the SDK's CryptoApi sends no keys (Alpaca serves crypto data without them); the platform asks for
  // keys on every request, so this client passes them as default headers
  const crypto = new marketData.CryptoApi(new marketData.Configuration({
    basePath: process.env.AMCP_BASE_URL,
    headers: { 'APCA-API-KEY-ID': process.env.APCA_API_KEY_ID, 'APCA-API-SECRET-KEY': process.env.APCA_API_SECRET_KEY },
  }));
  const cryptoQuote = (await crypto.cryptoLatestQuotes({ loc: 'us', symbols: 'BTC/USD' })).quotes['BTC/USD'];
  const snapshot = (await crypto.cryptoSnapshots({ loc: 'us', symbols: 'BTC/USD' })).snapshots['BTC/USD'];
  const quote = (q) => ({ t: new Date(q.t).toISOString(), bp: q.bp, ap: q.ap, bs: q.bs, as: q.as });
  return {
    firstPage: first.bars.AAPL.map(bar), nextPageToken: first.nextPageToken,
    secondPage: second.bars.AAPL.map(bar), lastToken: second.nextPageToken,
    singleSymbol: single.symbol, singleCount: single.bars.length,
    latestClose: latest.bar.c, invalid,
    firstQuote: quote(quotes.quotes.AAPL[0]), secondQuote: quote(moreQuotes.quotes.AAPL[0]),
    quotesLastToken: moreQuotes.nextPageToken,
    trades: trades.trades.map((t) => ({ t: new Date(t.t).toISOString(), p: t.p, s: t.s })),
    cryptoQuote: quote(cryptoQuote), snapshotTradePrice: snapshot.latestTrade.p, snapshotMinuteClose: snapshot.minuteBar.c,
  };
}

const phase = process.argv[2];
const phases = { submit: submitPhase, close: closePhase, market: marketPhase };
phases[phase]()
  .then((result) => { console.log(JSON.stringify(result)); process.exit(0); })
  .catch((e) => { console.error('SDK flow failed:', e && (e.stack || e)); process.exit(1); });
