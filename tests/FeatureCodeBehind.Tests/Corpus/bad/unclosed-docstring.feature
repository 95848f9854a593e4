Feature: Unclosed doc string
  Scenario: never closed
    Given a doc string
      """
      some text
