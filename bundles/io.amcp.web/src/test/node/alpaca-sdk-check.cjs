// Runs account, order and position flows of the official Alpaca SDK (@alpacahq/alpaca-trade-api)
// against an AMCP server. Usage: node alpaca-sdk-check.cjs submit|close
// Environment: AMCP_BASE_URL, APCA_API_KEY_ID, APCA_API_SECRET_KEY. Prints one JSON line of results.
'use strict';
const { trading } = require('@alpacahq/alpaca-trade-api');

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

const phase = process.argv[2];
(phase === 'submit' ? submitPhase() : closePhase())
  .then((result) => { console.log(JSON.stringify(result)); process.exit(0); })
  .catch((e) => { console.error('SDK flow failed:', e && (e.stack || e)); process.exit(1); });
