package org.ceasefire.query;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.ceasefire.avro.ClaimContradiction;
import org.ceasefire.avro.MinistryStatement;
import org.ceasefire.avro.Place;
import org.ceasefire.avro.SectorTally;

/**
 * What one application instance holds in its own state stores. {@link MergingQueries} asks every
 * instance (or the one owning a key) and combines their answers; another instance's holdings are
 * reached over HTTP through the same interface ({@link RemoteInstance}).
 */
public interface LocalQueries {

    /** Current ROLLING_7D, ROLLING_30D and ALL_TIME tallies held here. */
    List<SectorTally> currentTallies();

    /** DAY tallies held here whose day lies in {@code [from, to]}; of one sector, or of all when empty. */
    List<SectorTally> dayTallies(Optional<String> sector, LocalDate from, LocalDate to);

    /** The page of matching contradictions among those held here. */
    ContradictionPage contradictions(ContradictionFilter filter, PageRequest page);

    Optional<ClaimContradiction> contradiction(String pairId);

    /** Every contradiction held here (as the API lists it), of one sector or of all when empty: what clusters are made of. */
    List<ClaimContradiction> pairs(Optional<String> sector);

    /** Every revision of a statement held here, oldest first; empty when unknown here. */
    List<MinistryStatement> statementRevisions(String statementId);

    /** Unresolved place names held here with their counts. */
    List<UnresolvedPlace> unresolvedPlaces();

    /** The gazetteer's places of this conflict (a global store: every instance holds all of them). */
    List<Place> places();

    /** Per gazetteer place, the accusations and contradictions held here (places with none left out). */
    List<PlaceActivity> placeActivity();
}
