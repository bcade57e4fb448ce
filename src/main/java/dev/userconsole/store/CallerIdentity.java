package dev.userconsole.store;

/**
 * Who the connection's credentials are, as {@code sts:GetCallerIdentity} answers it: the account and the
 * principal's ARN (neither is a secret), or why that is not known.
 *
 * @param account the 12-digit account id, {@code null} when not known
 * @param principal the ARN of the user or assumed role, {@code null} when not known
 * @param unknownBecause why they are not known ("local endpoint"), {@code null} when known
 */
public record CallerIdentity(String account, String principal, String unknownBecause) {

    static CallerIdentity known(String account, String principal) {
        return new CallerIdentity(account, principal, null);
    }

    static CallerIdentity unknown(String because) {
        return new CallerIdentity(null, null, because);
    }

    public boolean isKnown() {
        return unknownBecause == null;
    }
}
