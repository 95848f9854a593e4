@showcase @serial
Feature: Showcase of every construct
  The golden feature of the code-behind: a description,
  a Background, a Rule with its own Background, an outline with two tagged Examples blocks,
  a data table and a doc string.

  Background:
    Given pool gpu-0 serves llama-7b-v1

  Scenario: A plain scenario with a data table
    When the pools are listed
      | pool  | model       |
      | gpu-0 | llama-7b-v1 |
    Then 1 pool is listed
    But no pool is draining

  @outline
  Scenario Outline: Add <a> and <b>
    When <a> and <b> are added
    Then the sum is <sum>

    @small
    Examples: small numbers
      | a | b | sum |
      | 1 | 2 | 3   |

    @large
    Examples: large numbers
      | a   | b   | sum  |
      | 100 | 200 | 300  |
      | 500 | 500 | 1000 |

  @rule-tag
  Rule: Documents are kept as written
    Background:
      Given the archive is empty

    @doc
    Scenario: A doc string is stored verbatim
      When the document is stored
        ```markdown
        # Title
        Body with \"quotes\" and a <placeholder>
        ```
      * the archive holds 1 document
