package org.ceasefire.conflict;

import java.util.List;

/** One of the two sides of a ceasefire, and the parties that speak for it. */
public record Side(String id, String name, List<Party> parties) {
    public Side {
        parties = List.copyOf(parties);
    }

    public boolean has(String partyCode) {
        return parties.stream().anyMatch(party -> party.code().equals(partyCode));
    }
}
