package io.amcp.core.journal;

import io.amcp.api.model.Bar;
import io.amcp.api.model.ClientOrderId;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.Money;
import io.amcp.api.model.OrderId;
import io.amcp.api.model.Price;
import io.amcp.api.model.Quantity;
import io.amcp.api.model.Quote;
import io.amcp.api.model.Side;
import io.amcp.api.model.StrategyId;
import io.amcp.api.model.TradeTick;
import io.amcp.api.order.OrderAccepted;
import io.amcp.api.order.OrderCanceled;
import io.amcp.api.order.OrderClass;
import io.amcp.api.order.OrderDenied;
import io.amcp.api.order.OrderExpired;
import io.amcp.api.order.OrderFilled;
import io.amcp.api.order.OrderPendingCancel;
import io.amcp.api.order.OrderRejected;
import io.amcp.api.order.OrderReplaced;
import io.amcp.api.order.OrderSubmitted;
import io.amcp.api.order.OrderTriggered;
import io.amcp.api.order.OrderType;
import io.amcp.api.order.ReplaceOrder;
import io.amcp.api.order.StopLoss;
import io.amcp.api.order.SubmitOrder;
import io.amcp.api.order.TakeProfit;
import io.amcp.api.order.TimeInForce;
import io.amcp.core.ledger.Ledger;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Text encoding of journal entries: one line per entry, tab-separated fields, free text escaped,
 * and a CRC-32 of the line's content as the last field so that a torn or corrupted line is
 * detected. Null fields are written as {@code -}.
 */
public final class JournalCodec {

    private static final String NULL = "-";

    private JournalCodec() {
    }

    /** Encodes an entry as one line without the trailing newline. */
    public static String encode(Object entry) {
        List<String> f = new ArrayList<>();
        if (entry instanceof OrderSubmitted e) {
            f.add("SUB"); f.add(e.clientOrderId().value()); f.add(e.strategyId().value());
            f.add(id(e.parentClientOrderId())); f.add(Boolean.toString(e.held())); f.add(Long.toString(e.time()));
            order(f, e.order());
        } else if (entry instanceof OrderDenied e) {
            f.add("DEN"); f.add(e.clientOrderId().value()); f.add(e.strategyId().value()); f.add(e.rule());
            f.add(e.reason()); f.add(Long.toString(e.time()));
            order(f, e.order());
        } else if (entry instanceof OrderAccepted e) {
            f.add("ACK"); f.add(e.clientOrderId().value()); f.add(e.orderId().value()); f.add(Long.toString(e.time()));
        } else if (entry instanceof OrderTriggered e) {
            f.add("TRG"); f.add(e.clientOrderId().value()); f.add(e.orderId().value()); f.add(Long.toString(e.time()));
        } else if (entry instanceof OrderRejected e) {
            f.add("REJ"); f.add(e.clientOrderId().value()); f.add(e.reason()); f.add(Long.toString(e.time()));
        } else if (entry instanceof OrderFilled e) {
            f.add("FIL"); f.add(e.clientOrderId().value()); f.add(e.tradeId()); f.add(e.instrument().value());
            f.add(e.side().name()); f.add(Long.toString(e.quantity().raw())); f.add(Long.toString(e.price().raw()));
            f.add(Long.toString(e.commission().raw())); f.add(Long.toString(e.time()));
        } else if (entry instanceof OrderPendingCancel e) {
            f.add("PCX"); f.add(e.clientOrderId().value()); f.add(Long.toString(e.time()));
        } else if (entry instanceof OrderCanceled e) {
            f.add("CXL"); f.add(e.clientOrderId().value()); f.add(e.reason()); f.add(Long.toString(e.time()));
        } else if (entry instanceof OrderExpired e) {
            f.add("EXP"); f.add(e.clientOrderId().value()); f.add(Long.toString(e.time()));
        } else if (entry instanceof OrderReplaced e) {
            f.add("RPL"); f.add(e.clientOrderId().value()); f.add(e.replacement().value()); f.add(e.orderId().value());
            f.add(Long.toString(e.time()));
            order(f, e.replacementOrder());
        } else if (entry instanceof JournalEntry.Mark e) {
            f.add("MRK"); f.add(e.instrument().value()); f.add(Long.toString(e.priceRaw())); f.add(Long.toString(e.time()));
        } else if (entry instanceof JournalEntry.DayStarted e) {
            f.add("DAY"); f.add(Long.toString(e.time()));
        } else if (entry instanceof JournalEntry.KillSwitchChanged e) {
            f.add("KSW"); f.add(Boolean.toString(e.engaged())); f.add(e.reason()); f.add(Long.toString(e.time()));
        } else if (entry instanceof JournalEntry.SnapshotStarted e) {
            f.add("SNB"); f.add(Long.toString(e.time())); f.add(Long.toString(e.lastDayStarted()));
        } else if (entry instanceof JournalEntry.SnapshotEnded e) {
            f.add("SNE"); f.add(Long.toString(e.time()));
        } else if (entry instanceof JournalEntry.RetiredOrder e) {
            f.add("RTD"); f.add(e.clientOrderId().value());
        } else if (entry instanceof JournalEntry.LedgerSnapshot e) {
            Ledger.State st = e.state();
            f.add("LSN"); f.add(e.book() == null ? NULL : e.book().value()); f.add(Long.toString(st.cash()));
            f.add(Long.toString(st.realized())); f.add(Long.toString(st.commissions()));
            f.add(Long.toString(st.dayStartEquity())); f.add(Integer.toString(st.positions().size()));
            for (Ledger.PositionState p : st.positions()) {
                f.add(p.instrument().value()); f.add(Long.toString(p.multiplier())); f.add(Long.toString(p.quantity()));
                f.add(Long.toString(p.averageCost())); f.add(Long.toString(p.realized())); f.add(Long.toString(p.last()));
            }
        } else if (entry instanceof JournalEntry.VenueOrder e) {
            f.add("VSUB"); f.add(Long.toString(e.time()));
            order(f, e.order());
        } else if (entry instanceof JournalEntry.VenueCancel e) {
            f.add("VCXL"); f.add(e.clientOrderId().value()); f.add(Long.toString(e.time()));
        } else if (entry instanceof JournalEntry.VenueReplace e) {
            ReplaceOrder r = e.replace();
            f.add("VRPL"); f.add(r.clientOrderId().value()); f.add(r.newClientOrderId().value());
            f.add(r.quantity() == null ? NULL : Long.toString(r.quantity().raw())); f.add(price(r.limitPrice()));
            f.add(price(r.stopPrice())); f.add(Long.toString(e.time()));
        } else if (entry instanceof JournalEntry.VenueBar e) {
            Bar b = e.bar();
            f.add("VBAR"); f.add(b.instrument().value()); f.add(Long.toString(b.time())); f.add(Long.toString(b.open()));
            f.add(Long.toString(b.high())); f.add(Long.toString(b.low())); f.add(Long.toString(b.close()));
            f.add(Long.toString(b.volume()));
        } else if (entry instanceof JournalEntry.VenueQuote e) {
            Quote q = e.quote();
            f.add("VQTE"); f.add(q.instrument().value()); f.add(Long.toString(q.time())); f.add(Long.toString(q.bid()));
            f.add(Long.toString(q.ask())); f.add(Long.toString(q.bidSize())); f.add(Long.toString(q.askSize()));
        } else if (entry instanceof JournalEntry.VenueTrade e) {
            TradeTick t = e.trade();
            f.add("VTRD"); f.add(t.instrument().value()); f.add(Long.toString(t.time())); f.add(Long.toString(t.price()));
            f.add(Long.toString(t.size())); f.add(t.aggressor() == null ? NULL : t.aggressor().name());
        } else {
            throw new IllegalArgumentException("cannot journal " + entry);
        }
        StringBuilder line = new StringBuilder();
        for (String s : f) {
            line.append(escape(s)).append('\t');
        }
        CRC32 crc = new CRC32();
        crc.update(line.toString().getBytes(StandardCharsets.UTF_8));
        return line.append(Long.toHexString(crc.getValue())).toString();
    }

    /**
     * Decodes one line.
     *
     * @throws IllegalArgumentException if the line is torn, corrupt or unknown, with the reason
     */
    public static Object decode(String line) {
        int lastTab = line.lastIndexOf('\t');
        if (lastTab < 0) {
            throw new IllegalArgumentException("no checksum (torn line)");
        }
        CRC32 crc = new CRC32();
        crc.update(line.substring(0, lastTab + 1).getBytes(StandardCharsets.UTF_8));
        if (!Long.toHexString(crc.getValue()).equals(line.substring(lastTab + 1))) {
            throw new IllegalArgumentException("checksum mismatch (torn or corrupted line)");
        }
        String[] raw = line.substring(0, lastTab).split("\t", -1);
        String[] f = new String[raw.length];
        for (int i = 0; i < raw.length; i++) {
            f[i] = unescape(raw[i]);
        }
        return switch (f[0]) {
            case "SUB" -> new OrderSubmitted(cid(f[1]), StrategyId.of(f[2]), order(f, 6), cidOrNull(f[3]),
                    Boolean.parseBoolean(f[4]), Long.parseLong(f[5]));
            case "DEN" -> new OrderDenied(cid(f[1]), StrategyId.of(f[2]), order(f, 6), f[3], f[4], Long.parseLong(f[5]));
            case "ACK" -> new OrderAccepted(cid(f[1]), OrderId.of(f[2]), Long.parseLong(f[3]));
            case "TRG" -> new OrderTriggered(cid(f[1]), OrderId.of(f[2]), Long.parseLong(f[3]));
            case "REJ" -> new OrderRejected(cid(f[1]), f[2], Long.parseLong(f[3]));
            case "FIL" -> new OrderFilled(cid(f[1]), f[2], InstrumentId.of(f[3]), Side.valueOf(f[4]),
                    Quantity.ofRaw(Long.parseLong(f[5])), Price.ofRaw(Long.parseLong(f[6])),
                    Money.ofRaw(Long.parseLong(f[7])), Long.parseLong(f[8]));
            case "PCX" -> new OrderPendingCancel(cid(f[1]), Long.parseLong(f[2]));
            case "CXL" -> new OrderCanceled(cid(f[1]), f[2], Long.parseLong(f[3]));
            case "EXP" -> new OrderExpired(cid(f[1]), Long.parseLong(f[2]));
            case "RPL" -> new OrderReplaced(cid(f[1]), cid(f[2]), order(f, 5), OrderId.of(f[3]), Long.parseLong(f[4]));
            case "MRK" -> new JournalEntry.Mark(InstrumentId.of(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]));
            case "DAY" -> new JournalEntry.DayStarted(Long.parseLong(f[1]));
            case "KSW" -> new JournalEntry.KillSwitchChanged(Boolean.parseBoolean(f[1]), f[2], Long.parseLong(f[3]));
            case "SNB" -> new JournalEntry.SnapshotStarted(Long.parseLong(f[1]), Long.parseLong(f[2]));
            case "SNE" -> new JournalEntry.SnapshotEnded(Long.parseLong(f[1]));
            case "RTD" -> new JournalEntry.RetiredOrder(cid(f[1]));
            case "LSN" -> ledgerSnapshot(f);
            case "VSUB" -> new JournalEntry.VenueOrder(order(f, 2), Long.parseLong(f[1]));
            case "VCXL" -> new JournalEntry.VenueCancel(cid(f[1]), Long.parseLong(f[2]));
            case "VRPL" -> new JournalEntry.VenueReplace(new ReplaceOrder(cid(f[1]), cid(f[2]),
                    NULL.equals(f[3]) ? null : Quantity.ofRaw(Long.parseLong(f[3])), priceOrNull(f[4]), priceOrNull(f[5])),
                    Long.parseLong(f[6]));
            case "VBAR" -> new JournalEntry.VenueBar(new Bar(InstrumentId.of(f[1]), Long.parseLong(f[2]),
                    Long.parseLong(f[3]), Long.parseLong(f[4]), Long.parseLong(f[5]), Long.parseLong(f[6]),
                    Long.parseLong(f[7])));
            case "VQTE" -> new JournalEntry.VenueQuote(new Quote(InstrumentId.of(f[1]), Long.parseLong(f[2]),
                    Long.parseLong(f[3]), Long.parseLong(f[4]), Long.parseLong(f[5]), Long.parseLong(f[6])));
            case "VTRD" -> new JournalEntry.VenueTrade(new TradeTick(InstrumentId.of(f[1]), Long.parseLong(f[2]),
                    Long.parseLong(f[3]), Long.parseLong(f[4]), NULL.equals(f[5]) ? null : Side.valueOf(f[5])));
            default -> throw new IllegalArgumentException("unknown entry type '" + f[0] + "'");
        };
    }

    private static JournalEntry.LedgerSnapshot ledgerSnapshot(String[] f) {
        int count = Integer.parseInt(f[6]);
        if (f.length != 7 + 6 * count) {
            throw new IllegalArgumentException("ledger snapshot: " + count + " positions need " + (7 + 6 * count)
                    + " fields, found " + f.length);
        }
        List<Ledger.PositionState> positions = new ArrayList<>(count);
        for (int i = 7; i < f.length; i += 6) {
            positions.add(new Ledger.PositionState(InstrumentId.of(f[i]), Long.parseLong(f[i + 1]),
                    Long.parseLong(f[i + 2]), Long.parseLong(f[i + 3]), Long.parseLong(f[i + 4]), Long.parseLong(f[i + 5])));
        }
        return new JournalEntry.LedgerSnapshot(NULL.equals(f[1]) ? null : StrategyId.of(f[1]),
                new Ledger.State(Long.parseLong(f[2]), Long.parseLong(f[3]), Long.parseLong(f[4]), Long.parseLong(f[5]),
                        positions));
    }

    private static void order(List<String> f, SubmitOrder o) {
        f.add(id(o.clientOrderId())); f.add(o.instrument().value()); f.add(o.side().name()); f.add(o.type().name());
        f.add(Long.toString(o.quantity().raw())); f.add(price(o.limitPrice())); f.add(price(o.stopPrice()));
        f.add(price(o.trailPrice())); f.add(o.trailPercent() == null ? NULL : o.trailPercent().toPlainString());
        f.add(o.timeInForce().name()); f.add(o.orderClass().name());
        f.add(o.takeProfit() == null ? NULL : price(o.takeProfit().limitPrice()));
        f.add(o.stopLoss() == null ? NULL : price(o.stopLoss().stopPrice()));
        f.add(o.stopLoss() == null ? NULL : price(o.stopLoss().limitPrice()));
        f.add(Boolean.toString(o.extendedHours()));
    }

    private static SubmitOrder order(String[] f, int i) {
        Price tp = priceOrNull(f[i + 11]);
        Price sl = priceOrNull(f[i + 12]);
        return new SubmitOrder(cidOrNull(f[i]), InstrumentId.of(f[i + 1]), Side.valueOf(f[i + 2]),
                OrderType.valueOf(f[i + 3]), Quantity.ofRaw(Long.parseLong(f[i + 4])), priceOrNull(f[i + 5]),
                priceOrNull(f[i + 6]), priceOrNull(f[i + 7]), NULL.equals(f[i + 8]) ? null : new BigDecimal(f[i + 8]),
                TimeInForce.valueOf(f[i + 9]), OrderClass.valueOf(f[i + 10]), tp == null ? null : new TakeProfit(tp),
                sl == null ? null : new StopLoss(sl, priceOrNull(f[i + 13])), Boolean.parseBoolean(f[i + 14]));
    }

    private static String id(ClientOrderId id) {
        return id == null ? NULL : id.value();
    }

    private static String price(Price p) {
        return p == null ? NULL : Long.toString(p.raw());
    }

    private static Price priceOrNull(String s) {
        return NULL.equals(s) ? null : Price.ofRaw(Long.parseLong(s));
    }

    private static ClientOrderId cid(String s) {
        return ClientOrderId.of(s);
    }

    private static ClientOrderId cidOrNull(String s) {
        return NULL.equals(s) ? null : ClientOrderId.of(s);
    }

    private static String escape(String s) {
        if (s.isEmpty()) {
            return "\\e";
        }
        return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }

    private static String unescape(String s) {
        if ("\\e".equals(s)) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                out.append(switch (n) {
                    case 't' -> '\t';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    default -> n;
                });
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
