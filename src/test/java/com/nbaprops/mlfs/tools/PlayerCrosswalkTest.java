package com.nbaprops.mlfs.tools;

import static org.junit.Assert.assertEquals;

import com.nbaprops.mlfs.tools.PlayerCrosswalk.Match;
import com.nbaprops.mlfs.tools.PlayerCrosswalk.Rule;
import java.util.List;
import org.junit.Test;

/** The name variants of shared/data/nba/README.md ("Known quirks"), matched by hand. */
public class PlayerCrosswalkTest {
  private static final PlayerCrosswalk DATE = new PlayerCrosswalk(List.of(
      "Nikola Jokić", "Derrick Jones Jr.", "Herbert Jones", "Nic Claxton", "CJ McCollum",
      "Michael Porter Jr.", "Dejounte Murray", "Kentavious Caldwell-Pope", "Bobby Portis",
      "Giannis Antetokounmpo", "Thanasis Antetokounmpo", "Jalen Williams", "Jaylin Williams",
      "Jalen Johnson", "Moritz Wagner", "Cameron Johnson", "Keldon Johnson"));

  private static void assertMatch(String book, String lookup, Rule rule) {
    assertEquals(book, new Match(lookup, rule), DATE.match(book));
  }

  @Test
  public void exactLookupFirst() {
    assertMatch("Nikola Jokic", "nikolajokic", Rule.EXACT);
    assertMatch("C.J. McCollum", "cjmccollum", Rule.EXACT);
    assertMatch("Michael Porter Jr", "michaelporterjr", Rule.EXACT);
  }

  @Test
  public void suffixesAndCommaOrderAreTheSameWords() {
    assertMatch("Derrick Jones", "derrickjonesjr", Rule.SAME_WORDS);
    assertMatch("Michael Porter", "michaelporterjr", Rule.SAME_WORDS);
    assertMatch("Portis, Bobby", "bobbyportis", Rule.SAME_WORDS);
  }

  @Test
  public void lastNameFirstWithoutComma() {
    assertMatch("Murray Dejounte", "dejountemurray", Rule.REVERSED);
    assertMatch("Caldwell Pope Kentavious", "kentaviouscaldwellpope", Rule.REVERSED);
  }

  @Test
  public void shortLongOrInitialFirstNames() {
    assertMatch("Herb Jones", "herbertjones", Rule.FIRST_NAME);
    assertMatch("Nicolas Claxton", "nicclaxton", Rule.FIRST_NAME);
    assertMatch("K. Caldwell-Pope", "kentaviouscaldwellpope", Rule.FIRST_NAME);
    // G. is Giannis, not Thanasis.
    assertMatch("G. Antetokounmpo", "giannisantetokounmpo", Rule.FIRST_NAME);
    assertMatch("Cam Johnson", "cameronjohnson", Rule.FIRST_NAME);
  }

  @Test
  public void ambiguousOrUnrelatedNamesStayUnmatched() {
    // "J. Williams" could be Jalen or Jaylin; "J. Johnson" only Jalen (Cameron, Keldon differ).
    assertMatch("J. Williams", null, Rule.NONE);
    assertMatch("J. Johnson", "jalenjohnson", Rule.FIRST_NAME);
    // A nickname sharing no prefix is not guessed; nor is a player not on the date.
    assertMatch("Moe Wagner", null, Rule.NONE);
    assertMatch("Stephen Curry", null, Rule.NONE);
    assertMatch("", null, Rule.NONE);
  }
}
