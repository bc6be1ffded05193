package org.ceasefire.ingest.generator;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.ceasefire.avro.Place;
import org.ceasefire.avro.SectorAssignment;
import org.ceasefire.conflict.ConflictDefinition;
import org.ceasefire.conflict.Party;
import org.ceasefire.conflict.Sector;
import org.ceasefire.conflict.Side;

/** Writes a conflict definition and gazetteer in the file format {@link org.ceasefire.conflict.GazetteerFile} reads. */
public final class GazetteerJsonWriter {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private GazetteerJsonWriter() {
    }

    public static void write(SyntheticGazetteer.World world, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            JSON.writeValue(out, tree(world));
        }
    }

    static ObjectNode tree(SyntheticGazetteer.World world) {
        ObjectNode root = JSON.createObjectNode();
        ConflictDefinition c = world.gazetteer().conflict();
        ObjectNode conflict = root.putObject("conflict");
        conflict.put("id", c.id());
        conflict.put("name", c.name());
        ArrayNode sides = conflict.putArray("sides");
        for (Side side : List.of(c.sideOne(), c.sideTwo())) {
            ObjectNode s = sides.addObject();
            s.put("id", side.id());
            s.put("name", side.name());
            parties(s.putArray("parties"), side.parties());
        }
        parties(conflict.putArray("monitors"), c.monitors());
        ArrayNode sectors = conflict.putArray("sectors");
        for (Sector sector : c.sectors()) {
            sectors.addObject().put("id", sector.id()).put("name", sector.name());
        }
        ArrayNode places = root.putArray("places");
        for (Place place : world.gazetteer().places()) {
            ObjectNode p = places.addObject();
            p.put("id", place.getPlaceId());
            ArrayNode names = p.putArray("names");
            place.getNames().forEach(names::add);
            ArrayNode assignments = p.putArray("sectors");
            for (SectorAssignment a : place.getSectors()) {
                ObjectNode node = assignments.addObject().put("sector", a.getSector());
                if (a.getValidFrom() != null) {
                    node.put("from", a.getValidFrom().toString());
                }
                if (a.getValidUntil() != null) {
                    node.put("until", a.getValidUntil().toString());
                }
            }
            Map<String, List<String>> spellings = new TreeMap<>(world.spellings().of(place.getPlaceId()));
            if (!spellings.isEmpty()) {
                ObjectNode bySide = p.putObject("spellings");
                spellings.forEach((side, list) -> list.forEach(bySide.putArray(side)::add));
            }
        }
        return root;
    }

    private static void parties(ArrayNode array, List<Party> parties) {
        for (Party party : parties) {
            array.addObject().put("code", party.code()).put("name", party.name());
        }
    }
}
