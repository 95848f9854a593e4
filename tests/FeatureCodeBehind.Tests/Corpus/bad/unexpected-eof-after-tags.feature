Feature: Tags at the end
  Scenario: a
    Given b

  @dangling
