package dev.retort.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import dev.retort.VisibleText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Arrays;

/**
 * One report document written through Jackson's streaming generator: an object that starts with {@code format} and
 * {@code command}, indented by two spaces, ending in a line feed. Every string is escaped by Jackson, and every
 * character that would hide or change what a terminal shows (controls, DEL, bidi and other format characters, line
 * and paragraph separators, surrogates) is written as a {@code \}{@code uXXXX} escape, so the document is safe to
 * print raw and a parser reads back the exact text.
 */
final class JsonDocument {
    /** What writes the fields after {@code format} and {@code command}. */
    interface Body {
        void write(JsonGenerator json) throws IOException;
    }

    private static final JsonFactory FACTORY =
            new JsonFactoryBuilder().characterEscapes(new VisibleEscapes()).build();

    private static final DefaultPrettyPrinter INDENTED = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withArrayEmptySeparator("")
                    .withObjectEmptySeparator(""))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"));

    private JsonDocument() {}

    static void write(Writer out, String command, Body body) {
        try {
            JsonGenerator json = FACTORY.createGenerator(out);
            json.setPrettyPrinter(INDENTED);
            json.writeStartObject();
            json.writeStringField("format", JsonReport.FORMAT);
            json.writeStringField("command", command);
            body.write(json);
            json.writeEndObject();
            json.flush();
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A document of another format (SARIF): the body writes the whole object, through the same escapes. */
    static void other(Writer out, Body body) {
        try {
            JsonGenerator json = FACTORY.createGenerator(out);
            json.setPrettyPrinter(INDENTED);
            body.write(json);
            json.flush();
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void strings(JsonGenerator json, String field, Iterable<String> values) throws IOException {
        json.writeArrayFieldStart(field);
        for (String value : values) json.writeString(value);
        json.writeEndArray();
    }

    /** Jackson's JSON escapes, and {@code \}{@code uXXXX} for DEL and every character {@link VisibleText} hides. */
    private static final class VisibleEscapes extends CharacterEscapes {
        private final int[] ascii;

        VisibleEscapes() {
            ascii = Arrays.copyOf(standardAsciiEscapesForJSON(), 128);
            ascii[0x7f] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return VisibleText.hidden(ch) ? new SerializedString(String.format("\\u%04X", ch)) : null;
        }
    }
}
