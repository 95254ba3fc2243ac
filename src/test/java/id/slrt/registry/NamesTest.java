package id.slrt.registry;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class NamesTest {

    @Test
    void oldSpellingsMatchNewOnes() {
        assertThat(Names.key("Soekarno")).isEqualTo(Names.key("Sukarno"));
        assertThat(Names.key("Djoko Tjahjono")).isEqualTo(Names.key("Joko Cahyono"));
        assertThat(Names.key("Jusuf")).isEqualTo(Names.key("Yusuf"));
        assertThat(Names.key("Sjahrir")).isEqualTo(Names.key("Syahrir"));
        assertThat(Names.key("Chairul")).isEqualTo(Names.key("Khairul"));
        assertThat(Names.key("Fathurrahman")).isEqualTo(Names.key("Faturahman"));
        assertThat(Names.key("Njoman")).isEqualTo(Names.key("Nyoman"));
        assertThat(Names.key("Prasetjo")).isEqualTo(Names.key("Prasetyo"));
        assertThat(Names.key("Aditja")).isEqualTo(Names.key("Aditya"));
        assertThat(Names.key("Widja")).isEqualTo(Names.key("Widya"));
        assertThat(Names.key("Tjahjo")).isEqualTo(Names.key("Cahyo"));
    }

    @Test
    void muhammadVariantsAndTitlesAreOneKey() {
        assertThat(Names.key("Moh. Hatta")).isEqualTo(Names.key("Muhammad Hatta"));
        assertThat(Names.key("M. Hatta")).isEqualTo(Names.key("MOCHAMMAD HATTA"));
        assertThat(Names.key("Mhd Hatta")).isEqualTo("MUHAMAD HATA");
        assertThat(Names.key("Drs. H. Achmad Fauzi, S.Pd.")).isEqualTo(Names.key("Ahmad Fauzi"));
        assertThat(Names.key("Hj. Siti Aminah S.Pd")).isEqualTo(Names.key("Siti Aminah"));
        assertThat(Names.key("K.H. Abd. Rahman")).isEqualTo(Names.key("Abdul Rahman"));
        assertThat(Names.key("Ahmad bin Yusuf")).isEqualTo(Names.key("Ahmad Yusuf"));
        assertThat(Names.key("Ma'ruf")).isEqualTo(Names.key("Maruf"));
    }

    @Test
    void aLoneTitleLikeTokenIsKept() {
        assertThat(Names.key("H")).isEqualTo("H");
        assertThat(Names.key("Raden")).isEqualTo("RADEN");
    }

    @Test
    void nameCheckRefusesDigitsAndAcceptsTitles() {
        assertThat(Names.check("name", "Drs. H. Ahmad, S.Pd.").valid()).isTrue();
        assertThat(Names.check("name", "I Gede Made").valid()).isTrue();
        assertThat(Names.check("name", "Siti 2").errors()).extracting(Issue::code).containsExactly("name.digits");
        assertThat(Names.check("name", "Siti@Aminah").errors()).extracting(Issue::code).containsExactly("name.characters");
        assertThat(Names.check("name", " ").errors()).extracting(Issue::code).containsExactly("name.required");
    }

    @Property
    void keyIsIdempotent(@ForAll @StringLength(max = 40) String name) {
        String key = Names.key(name);
        assertThat(Names.key(key)).isEqualTo(key);
    }

    @Property
    void keyHasOnlyCapitalLettersAndSingleSpaces(@ForAll @StringLength(max = 40) String name) {
        assertThat(Names.key(name)).matches("([A-Z]+( [A-Z]+)*)?");
    }

    @Property
    void caseAndSurroundingSpaceDoNotMatter(@ForAll @StringLength(max = 30) String name) {
        assertThat(Names.key("  " + name.toLowerCase(java.util.Locale.ROOT) + " "))
                .isEqualTo(Names.key(name.toLowerCase(java.util.Locale.ROOT)));
    }
}
