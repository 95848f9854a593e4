@sample
Feature: Texts
  A failed comparison of two texts shows both of them in full.

  Scenario: A failing text comparison shows both texts in full
    Given a counter at 2
    Then the counter's label reads "counter main stands at 3 and was last changed by the increase step of this scenario"
