package io.fieldbench.shell.ui.settings;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.osgi.service.metatype.AttributeDefinition;

class SettingFieldTest {

    /** A MetaType attribute definition as Felix MetaType hands it out. */
    private record Attribute(String getID, int getType, int getCardinality, String[] getOptionValues,
            String[] getDefaultValue) implements AttributeDefinition {

        static Attribute of(String id, int type, int cardinality, String... defaults) {
            return new Attribute(id, type, cardinality, null, defaults);
        }

        @Override
        public String getName() {
            return getID;
        }

        @Override
        public String getDescription() {
            return "";
        }

        @Override
        public String[] getOptionLabels() {
            return getOptionValues;
        }

        @Override
        public String validate(String value) {
            return null; // no validation, as Felix answers for definitions without limits
        }
    }

    @Test
    void mapsTypesCardinalityAndOptionsToEditors() {
        assertEquals(SettingKind.TEXT, SettingKind.of(Attribute.of("a", AttributeDefinition.STRING, 0)));
        assertEquals(SettingKind.WHOLE_NUMBER, SettingKind.of(Attribute.of("a", AttributeDefinition.INTEGER, 0)));
        assertEquals(SettingKind.WHOLE_NUMBER, SettingKind.of(Attribute.of("a", AttributeDefinition.LONG, 0)));
        assertEquals(SettingKind.DECIMAL_NUMBER, SettingKind.of(Attribute.of("a", AttributeDefinition.DOUBLE, 0)));
        assertEquals(SettingKind.BOOLEAN, SettingKind.of(Attribute.of("a", AttributeDefinition.BOOLEAN, 0)));
        assertEquals(SettingKind.PASSWORD, SettingKind.of(Attribute.of("a", AttributeDefinition.PASSWORD, 0)));
        assertEquals(SettingKind.LIST, SettingKind.of(Attribute.of("a", AttributeDefinition.INTEGER, 5)));
        assertEquals(SettingKind.CHOICE, SettingKind.of(
                new Attribute("a", AttributeDefinition.STRING, 0, new String[] {"x", "y"}, null)));
    }

    @Test
    void parsesNumbersToTheirType() {
        assertEquals(9999, new SettingField(Attribute.of("port", AttributeDefinition.INTEGER, 0), true).parse(" 9999 "));
        assertEquals(5L, new SettingField(Attribute.of("n", AttributeDefinition.LONG, 0), true).parse("5"));
        assertEquals(0.5, new SettingField(Attribute.of("r", AttributeDefinition.DOUBLE, 0), true).parse("0.5"));
    }

    @Test
    void rejectsTextThatIsNotANumber() {
        SettingField port = new SettingField(Attribute.of("port", AttributeDefinition.INTEGER, 0), true);

        IllegalArgumentException problem = assertThrows(IllegalArgumentException.class, () -> port.parse("99x"));

        assertEquals("port: '99x' is not a whole number in range", problem.getMessage());
    }

    @Test
    void givenAnEmptyOptionalNumberTheKeyIsRemoved() {
        assertNull(new SettingField(Attribute.of("n", AttributeDefinition.INTEGER, 0), false).parse(""));
        assertThrows(IllegalArgumentException.class,
                () -> new SettingField(Attribute.of("n", AttributeDefinition.INTEGER, 0), true).parse(" "));
    }

    @Test
    void positiveCardinalityGivesAnArrayNegativeAList() {
        SettingField array = new SettingField(Attribute.of("ports", AttributeDefinition.INTEGER, 3), true);
        SettingField vector = new SettingField(Attribute.of("names", AttributeDefinition.STRING, -10), true);

        assertArrayEquals(new Integer[] {1, 2}, (Integer[]) array.parse("1, 2"));
        assertEquals(List.of("a", "b"), vector.parse("a,b,"));
        assertThrows(IllegalArgumentException.class, () -> array.parse("1,2,3,4"));
    }

    @Test
    void choicesMustBeOneOfTheOptions() {
        SettingField mode = new SettingField(
                new Attribute("mode", AttributeDefinition.STRING, 0, new String[] {"echo", "ack"}, null), true);

        assertEquals("ack", mode.parse("ack"));
        assertThrows(IllegalArgumentException.class, () -> mode.parse("none"));
    }

    @Test
    void booleansAcceptOnlyTrueOrFalse() {
        SettingField flag = new SettingField(Attribute.of("flag", AttributeDefinition.BOOLEAN, 0), true);

        assertEquals(Boolean.TRUE, flag.parse("TRUE"));
        assertThrows(IllegalArgumentException.class, () -> flag.parse("yes"));
    }

    @Test
    void formatsStoredValuesAndDefaultsAsText() {
        SettingField ports = new SettingField(Attribute.of("ports", AttributeDefinition.INTEGER, 3, "1", "2"), true);
        SettingField host = new SettingField(Attribute.of("host", AttributeDefinition.STRING, 0, "0.0.0.0"), true);

        assertEquals("7, 8", ports.format(new Integer[] {7, 8}));
        assertEquals("7, 8", ports.format(List.of(7, 8)));
        assertEquals("1, 2", ports.format(null));
        assertEquals("0.0.0.0", host.format(null));
        assertEquals("example", host.format("example"));
    }
}
