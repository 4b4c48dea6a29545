package io.dealsync.app;

import io.dealsync.rules.RuleBookHolder;

/** The rules-watch route's bean: swap in changed rules when they compile. */
public final class RulesReloadBean {
    private final RuleBookHolder holder;

    public RulesReloadBean(RuleBookHolder holder) {
        this.holder = holder;
    }

    public boolean reload() {
        return holder.reloadIfChanged();
    }
}
