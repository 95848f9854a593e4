@tag<script>window.pwned='tag'</script> @x"onmouseover="window.pwned='attr'
Feature: Names <script>window.pwned='feature'</script> <img src=x onerror="window.pwned='img'">
  A description with <script>window.pwned='description'</script>, <img src=x onerror="window.pwned='img2'">,
  a [link](javascript:window.pwned='link'), a [data link](data:text/html,<script>window.pwned='data'</script>),
  an image ![x](javascript:window.pwned='image') and <javascript:window.pwned='autolink'>.

  Scenario: A scenario <b onclick="window.pwned='name'">named</b> javascript:window.pwned='name2'
    Given a step with <img src=x onerror="window.pwned='step'">
      """
      </pre><script>window.pwned='docstring'</script>
      """
    And a table
      | <script>window.pwned='cell'</script> | <a href="javascript:window.pwned='cell2'">x</a> |

  Scenario Outline: An outline <value>
    Given a value <value>

    Examples:
      | value                                          |
      | <img src=x onerror="window.pwned='row'">       |
