package io.amcp.portfolio;

import io.amcp.api.model.InstrumentId;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * The assets a portfolio is built from, in the order every weight vector, return vector and
 * covariance row uses, each with the sector that sector caps refer to.
 *
 * @param assets  the instruments, distinct
 * @param sectors one sector name per asset
 */
public record AssetUniverse(List<InstrumentId> assets, List<String> sectors) {

    public AssetUniverse {
        Objects.requireNonNull(assets, "assets");
        Objects.requireNonNull(sectors, "sectors");
        assets = List.copyOf(assets);
        sectors = List.copyOf(sectors);
        if (assets.isEmpty()) {
            throw new IllegalArgumentException("assets: must not be empty");
        }
        if (sectors.size() != assets.size()) {
            throw new IllegalArgumentException("sectors: expected one per asset (" + assets.size()
                    + "), was " + sectors.size());
        }
        if (new HashSet<>(assets).size() != assets.size()) {
            throw new IllegalArgumentException("assets: contains a duplicate instrument " + assets);
        }
        for (String sector : sectors) {
            if (sector.isBlank()) {
                throw new IllegalArgumentException("sectors: a sector name is blank");
            }
        }
    }

    /** A universe with one sector per asset. */
    public static AssetUniverse of(List<InstrumentId> assets, List<String> sectors) {
        return new AssetUniverse(assets, sectors);
    }

    /** A universe from symbols, every asset in the sector {@code "ALL"}. */
    public static AssetUniverse ofSymbols(String... symbols) {
        List<InstrumentId> ids = java.util.Arrays.stream(symbols).map(InstrumentId::of).toList();
        return new AssetUniverse(ids, java.util.Collections.nCopies(ids.size(), "ALL"));
    }

    /** Number of assets. */
    public int size() {
        return assets.size();
    }

    /** Position of {@code asset} in every vector of this universe. */
    public int indexOf(InstrumentId asset) {
        int index = assets.indexOf(asset);
        if (index < 0) {
            throw new IllegalArgumentException("asset: " + asset + " is not in the universe");
        }
        return index;
    }

    /** Sector of the asset at {@code index}. */
    public String sector(int index) {
        return sectors.get(index);
    }
}
