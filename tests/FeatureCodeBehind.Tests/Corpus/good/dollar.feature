Feature: Scenario Outline with a value with a dollar sign ($)

  Scenario Outline: Outline
    Given there are <count> cucumbers

    Examples:
      | count |
      | $20   |
      | $$    |
      | \\1$1 |
