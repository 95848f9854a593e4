Feature: Data tables and doc strings

  Scenario: Escapes in table cells
    Given a table:
      | pipe \| inside | backslash \\ here | new\nline | other \x escape |
      |   padded   |a|| ünïcödé |
      | emoji 😀 | x | y | z |

  Scenario: Doc strings with both delimiters
    Given a doc string:
      """
      first line
        indented line
      an escaped \"\"\" delimiter
      """
    And a backtick doc string with media type:
      ```text/markdown
      # Title
      an escaped \`\`\` fence
      ```
    And a doc string with an empty line:
      """xml

      <a/>
      """
    And a step with a doc string then a table:
      """
      text
      """
      | a | b |
    And a step with a table then a doc string:
      | c |
      """
      after table
      """

  Scenario: Descriptions and comments
    This scenario has a description
      spanning two lines.
    # a comment inside the scenario
    Given something   # not a comment, part of the text
    # trailing comment
