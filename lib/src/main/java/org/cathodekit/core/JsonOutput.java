package org.cathodekit.core;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.util.JsonGeneratorDelegate;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;

/**
 * The one JSON configuration of CathodeKit (Jackson): the command line's {@code --json}, the
 * tables derived from result records ({@code table.Tables}) and the tests that read output back all
 * use {@link #MAPPER}, so a result is described once, by its record.
 *
 * <p>Rules, set here only:
 * <ul>
 *   <li><b>Records</b> serialise through their components, in declaration order. A component's key
 *       is {@link #key(String)} of its name (snake_case with units: {@code tauS -> tau_s},
 *       {@code voltageV -> voltage_V}) unless the component carries {@code @JsonProperty} (for keys
 *       that predate the rule, e.g. {@code E_before_V}). Other methods of a record are never
 *       serialised.</li>
 *   <li><b>NaN and infinities become {@code null}</b> (JSON has no NaN), in fields, arrays and trees
 *       alike: the rule sits in the generator, below every serialiser.</li>
 *   <li>Doubles are written as the shortest decimal that reads back to the same double
 *       ({@link StreamWriteFeature#USE_FAST_DOUBLE_WRITER}, Schubfach).</li>
 *   <li>Enums by {@code name()}, {@link Path} by its string, no dates/timestamps, one line.</li>
 *   <li>Reading accepts {@code NaN}/{@code Infinity} tokens (some instrument software writes them).</li>
 * </ul>
 */
public final class JsonOutput {
    private JsonOutput() {
    }

    /** The shared, fully configured mapper; thread-safe. Do not reconfigure it. */
    public static final ObjectMapper MAPPER = build();

    private static ObjectMapper build() {
        JsonFactory factory = JsonFactory.builder()
                .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
                .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                .addDecorator((f, g) -> new NonFiniteAsNull(g))
                .build();
        SimpleModule paths = new SimpleModule("cathodekit-paths");
        paths.addSerializer(Path.class, ToStringSerializer.instance);
        return JsonMapper.builder(factory)
                // records: their private final fields are the components, in declaration order
                .visibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
                .visibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
                .visibility(PropertyAccessor.CREATOR, JsonAutoDetect.Visibility.ANY)
                .propertyNamingStrategy(new UnitNaming())
                .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .addModule(paths)
                .build();
    }

    /** @return a new empty, insertion-ordered JSON object (for results that are not one record). */
    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /**
     * Serialises a record, {@link JsonNode}, map, list, array, number, string, enum or path on one line.
     *
     * @throws IllegalStateException if the value cannot be serialised (an internal fault)
     */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + (value == null ? "null" : value.getClass().getName())
                    + " as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** The value as the tree a reader of {@link #write} would see (non-finite numbers already null). */
    public static JsonNode tree(Object value) {
        return readTree(write(value));
    }

    /**
     * Parses JSON text into a tree.
     *
     * @throws IllegalArgumentException naming the line and column where the text stops being JSON
     */
    public static JsonNode readTree(String text) {
        try {
            JsonNode n = MAPPER.readTree(text);
            if (n == null || n.isMissingNode()) {
                throw new IllegalArgumentException("not valid JSON: no value in the text");
            }
            return n;
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            throw new IllegalArgumentException("not valid JSON" + (loc == null ? "" : " at line " + loc.getLineNr() + " column "
                    + loc.getColumnNr()) + ": " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Parses JSON text into plain Java values: insertion-ordered {@code Map<String,Object>},
     * {@code List<Object>}, {@code Double} (every number), {@code String}, {@code Boolean} or {@code null}.
     *
     * @throws IllegalArgumentException as {@link #readTree}
     */
    public static Object parse(String text) {
        return plain(readTree(text));
    }

    /** A tree as plain Java values (see {@link #parse}). */
    public static Object plain(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return null;
        }
        if (n.isObject()) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                m.put(e.getKey(), plain(e.getValue()));
            }
            return m;
        }
        if (n.isArray()) {
            List<Object> l = new ArrayList<>(n.size());
            for (JsonNode c : n) {
                l.add(plain(c));
            }
            return l;
        }
        if (n.isNumber()) {
            return n.doubleValue();
        }
        if (n.isBoolean()) {
            return n.booleanValue();
        }
        return n.asText();
    }

    private static final Pattern SPLIT = Pattern.compile("(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])");

    /** Unit tokens of component names and how they are written in keys. */
    private static final Map<String, String> UNITS = Map.ofEntries(Map.entry("S", "s"), Map.entry("V", "V"),
            Map.entry("A", "A"), Map.entry("Ev", "eV"), Map.entry("Nm", "nm"), Map.entry("Um", "um"), Map.entry("M", "m"),
            Map.entry("M2", "m2"), Map.entry("Deg", "deg"), Map.entry("C", "C"), Map.entry("K", "K"),
            Map.entry("Mah", "mAh"), Map.entry("G", "g"), Map.entry("Mg", "mg"), Map.entry("Pct", "pct"),
            Map.entry("Min", "min"), Map.entry("Hz", "Hz"), Map.entry("Ohm", "ohm"), Map.entry("Rad", "rad"),
            Map.entry("Mwh", "mWh"));

    /**
     * The key of a record component: camelCase split into snake_case words, unit tokens written as
     * units ({@code tauS -> tau_s}, {@code eBeforeV -> e_before_V}, {@code dM2PerS -> d_m2_per_s},
     * {@code edge50Ev -> edge50_eV}, {@code capacityMAhPerG -> capacity_mAh_per_g}); other words
     * lower case. A unit token is recognised after the first word only ({@code s} alone stays {@code s}).
     */
    public static String key(String component) {
        String[] words = SPLIT.split(component.replace("MAh", "Mah").replace("MWh", "Mwh"));
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < words.length; i++) {
            String w = words[i];
            String unit = i > 0 ? UNITS.get(w) : null;
            if (i > 0) {
                b.append('_');
            }
            b.append(unit != null ? unit : w.toLowerCase(Locale.ROOT));
        }
        return b.toString();
    }

    /**
     * The JSON keys of a record type's components, in output order: component name -> key (after
     * {@code @JsonProperty} overrides). Tables use these as column names so they match the JSON.
     */
    public static Map<String, String> keys(Class<? extends Record> type) {
        Map<String, String> out = new LinkedHashMap<>();
        var desc = MAPPER.getSerializationConfig().introspect(MAPPER.constructType(type));
        for (BeanPropertyDefinition p : desc.findProperties()) {
            if (p.couldSerialize()) {
                out.put(p.getInternalName(), p.getName());
            }
        }
        return out;
    }

    /** The naming rule {@link #key(String)} as a Jackson strategy (explicit {@code @JsonProperty} names win). */
    private static final class UnitNaming extends PropertyNamingStrategies.NamingBase {
        private static final long serialVersionUID = 1L;

        @Override
        public String translate(String name) {
            return name == null ? null : key(name);
        }
    }

    /** Writes NaN and infinities as {@code null}: the one non-finite rule. */
    private static final class NonFiniteAsNull extends JsonGeneratorDelegate {
        NonFiniteAsNull(JsonGenerator g) {
            super(g, false);
        }

        @Override
        public void writeNumber(double v) throws IOException {
            if (Double.isFinite(v)) {
                delegate.writeNumber(v);
            } else {
                delegate.writeNull();
            }
        }

        @Override
        public void writeNumber(float v) throws IOException {
            if (Float.isFinite(v)) {
                delegate.writeNumber(v);
            } else {
                delegate.writeNull();
            }
        }

        @Override
        public void writeArray(double[] array, int offset, int length) throws IOException {
            writeStartArray(array, length);
            for (int i = offset, end = offset + length; i < end; i++) {
                writeNumber(array[i]);
            }
            writeEndArray();
        }
    }
}
