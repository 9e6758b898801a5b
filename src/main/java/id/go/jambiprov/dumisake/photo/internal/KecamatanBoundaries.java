package id.go.jambiprov.dumisake.photo.internal;

import id.go.jambiprov.dumisake.photo.GeoPoint;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The kecamatan boundaries the dashboard map draws ({@code static/geo/kecamatan.geojson}, features keyed by their
 * Kemendagri {@code code}), read once into prepared JTS geometries, so that a point-in-polygon test costs
 * microseconds. The same file for map and check: a pin drawn inside a kecamatan is never flagged outside it.
 */
@Component
public class KecamatanBoundaries {

    static final String RESOURCE = "static/geo/kecamatan.geojson";

    private final GeometryFactory geometries = new GeometryFactory();
    private final Map<String, PreparedGeometry> byCode = new HashMap<>();

    KecamatanBoundaries(JsonMapper json) {
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
            for (JsonNode feature : json.readTree(in).get("features")) {
                byCode.put(feature.get("properties").get("code").asString(),
                        PreparedGeometryFactory.prepare(geometry(feature.get("geometry"))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }

    /** Whether the point lies inside (or on the border of) the kecamatan; false for a kecamatan without a boundary. */
    public boolean contains(String kecamatanCode, GeoPoint point) {
        PreparedGeometry boundary = byCode.get(kecamatanCode);
        return boundary != null && boundary.covers(geometries.createPoint(new Coordinate(point.longitude(),
                point.latitude())));
    }

    /** A point surely inside the kecamatan (not its centroid, which may fall outside a bent one). */
    public Optional<GeoPoint> interiorPoint(String kecamatanCode) {
        return Optional.ofNullable(byCode.get(kecamatanCode))
                .map(boundary -> boundary.getGeometry().getInteriorPoint().getCoordinate())
                .map(c -> new GeoPoint(c.y, c.x));
    }

    private Geometry geometry(JsonNode geometry) {
        JsonNode coordinates = geometry.get("coordinates");
        return switch (geometry.get("type").asString()) {
            case "Polygon" -> polygon(coordinates);
            case "MultiPolygon" -> {
                Polygon[] parts = new Polygon[coordinates.size()];
                for (int i = 0; i < parts.length; i++) {
                    parts[i] = polygon(coordinates.get(i));
                }
                yield geometries.createMultiPolygon(parts);
            }
            default -> throw new IllegalStateException("Unexpected geometry " + geometry.get("type"));
        };
    }

    /** GeoJSON rings: the outer one first, then the holes; positions are [longitude, latitude]. */
    private Polygon polygon(JsonNode rings) {
        LinearRing[] linear = new LinearRing[rings.size()];
        for (int r = 0; r < linear.length; r++) {
            JsonNode ring = rings.get(r);
            Coordinate[] coordinates = new Coordinate[ring.size()];
            for (int i = 0; i < coordinates.length; i++) {
                coordinates[i] = new Coordinate(ring.get(i).get(0).asDouble(), ring.get(i).get(1).asDouble());
            }
            linear[r] = geometries.createLinearRing(coordinates);
        }
        LinearRing[] holes = new LinearRing[linear.length - 1];
        System.arraycopy(linear, 1, holes, 0, holes.length);
        return geometries.createPolygon(linear[0], holes);
    }
}
