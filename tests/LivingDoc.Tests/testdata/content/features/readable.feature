Feature: Readable content
  Descriptions are **Markdown**: paragraphs, lists, *emphasis*, `code` and [links](https://reqnroll.net).
  A line broken in the source
  joins its paragraph.

  - first point
  - second point

  Scenario Outline: <description>
    Given a value <value>

    Examples:
      | description | value |
      | A short row | 1     |
      | Another row | 2     |

  Scenario: A wide table scrolls inside its card
    Given a table
      | pool_with_a_long_name_0 | pool_with_a_long_name_1 | pool_with_a_long_name_2 | pool_with_a_long_name_3 | pool_with_a_long_name_4 | pool_with_a_long_name_5 | pool_with_a_long_name_6 | pool_with_a_long_name_7 | pool_with_a_long_name_8 | pool_with_a_long_name_9 |
      | llama_7b_v1_of_tenant_a| llama_7b_v1_of_tenant_a| llama_7b_v1_of_tenant_a| llama_7b_v1_of_tenant_a| llama_7b_v1_of_tenant_a| llama_7b_v1_of_tenant_a| llama_7b_v1_of_tenant_a| llama_7b_v1_of_tenant_a| llama_7b_v1_of_tenant_a| llama_7b_v1_of_tenant_a|
