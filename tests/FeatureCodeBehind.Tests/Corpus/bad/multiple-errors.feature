Feature: Several mistakes

  Scenario: first
    Given a step
    Foo is not a keyword
      | a | b |
      | c |

  Scenario: second
    Given another step
    Bar is not a keyword either
