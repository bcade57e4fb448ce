package dev.userconsole.users;

import dev.userconsole.store.CallerIdentity;

/**
 * Who the connection's credentials are, for display: the account and the principal's ARN (neither is a
 * secret), or "not known" and why.
 *
 * @param account the 12-digit account id, or "not known: " and why ("not known: local endpoint ...")
 * @param principal the ARN of the user or assumed role, or "not known" (the account says why)
 */
public record ConnectedAs(String account, String principal) {

    static ConnectedAs of(CallerIdentity identity) {
        return identity.isKnown() ? new ConnectedAs(identity.account(), identity.principal())
                : new ConnectedAs("not known: " + identity.unknownBecause(), "not known");
    }
}
