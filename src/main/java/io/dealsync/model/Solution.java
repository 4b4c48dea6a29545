package io.dealsync.model;

import java.util.Objects;

/** One solution line of a deal: {@code SOLUTION-ID[, currency, price, quantity]} as in the template. */
public final class Solution {
    private final String id;
    private final String currency;
    private final String price;
    private final String quantity;

    public Solution(String id, String currency, String price, String quantity) {
        this.id = Text.clean(id);
        this.currency = Text.clean(currency);
        this.price = Text.clean(price);
        this.quantity = Text.clean(quantity);
    }

    public static Solution parse(String cell) {
        String[] p = cell.split(",", -1);
        return new Solution(p[0], p.length > 1 ? p[1] : "", p.length > 2 ? p[2] : "", p.length > 3 ? p[3] : "");
    }

    /** The template's cell form, without trailing empty parts. */
    public String toCell() {
        StringBuilder sb = new StringBuilder(id);
        String[] rest = {currency, price, quantity};
        int last = rest.length - 1;
        while (last >= 0 && rest[last].isEmpty()) {
            last--;
        }
        for (int i = 0; i <= last; i++) {
            sb.append(", ").append(rest[i]);
        }
        return sb.toString();
    }

    public String getId() { return id; }
    public String getCurrency() { return currency; }
    public String getPrice() { return price; }
    public String getQuantity() { return quantity; }

    @Override
    public boolean equals(Object o) {
        return o instanceof Solution s && id.equals(s.id) && currency.equals(s.currency) && price.equals(s.price)
                && quantity.equals(s.quantity);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, currency, price, quantity);
    }

    @Override
    public String toString() {
        return toCell();
    }
}
