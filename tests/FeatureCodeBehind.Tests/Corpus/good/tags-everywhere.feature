@feature-a @feature-b
  @feature-c #comment after tags
Feature: Tags everywhere

  @rule-tag
  Rule: tagged rule

    @scenario-tag
    Scenario: tagged scenario in rule
      Given a step

    @outline-tag
    Scenario Outline: tagged outline
      Given <x>

      @examples-1
      Examples:
        | x |
        | a |

      @examples-2 @examples-3
      Examples:
        | x |
        | b |
