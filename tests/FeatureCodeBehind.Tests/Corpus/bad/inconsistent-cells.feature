Feature: Tables must be rectangular

  Scenario Outline: outline
    Given <a>
      | one | two |
      | three |

    Examples:
      | a | b |
      | 1 |
