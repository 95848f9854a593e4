Feature: Placeholders
  Scenario Outline: <a> and <b> and <a>
    Given <a> then <b> then <missing>
      | <a> | x<b>y |
    When the text is
      """<b>
      <a> <<a>> $& $1
      """

    Examples:
      | a   | b       |
      | one | $two$   |
      | <b> | nested  |
