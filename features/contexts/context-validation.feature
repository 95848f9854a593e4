@validation
Feature: Context validation
  A context is only made from sound input: a model, a tenant, positive limits and a backend. Anything
  else is refused at creation with a message saying which input broke which rule.

  Rule: Ids must not be empty, blank or a placeholder

    Scenario Outline: An empty id is refused: <description>
      When an operator attempts to create a context for model '<model>' of tenant '<tenant>'
      Then the attempt is refused for the <input> with '<message>'

      Examples:
        | description                | model       | tenant | input     | message                                   |
        | An empty model is refused  |             | acme   | model id  | The model id must not be empty or blank.  |
        | An empty tenant is refused | llama-7b-v1 |        | tenant id | The tenant id must not be empty or blank. |

    Scenario Outline: A placeholder <input> such as '<placeholder>' is refused
      When an operator attempts to create a context for model '<model>' of tenant '<tenant>'
      Then the attempt is refused for the <input> with 'The <input> must name a real <thing>, not the placeholder "<placeholder>".'

      Examples:
        | model       | tenant                               | input     | thing  | placeholder                          |
        | llama-7b-v1 | default                              | tenant id | tenant | default                              |
        | llama-7b-v1 | Default                              | tenant id | tenant | Default                              |
        | llama-7b-v1 | 00000000-0000-0000-0000-000000000000 | tenant id | tenant | 00000000-0000-0000-0000-000000000000 |
        | llama-7b-v1 | 00000000000000000000000000000000     | tenant id | tenant | 00000000000000000000000000000000     |
        | default     | acme                                 | model id  | model  | default                              |

    Scenario: A model id of only spaces is refused
      When an operator attempts to create a context for model '   ' of tenant 'acme'
      Then the attempt is refused for the model id with 'The model id must not be empty or blank.'

  Rule: Limits must be greater than zero

    Scenario Outline: A limit of zero or less is refused: <description>
      When tenant acme attempts to create a context for model llama-7b-v1 with a budget of <memory>, <concurrent> concurrent requests and <total>
      Then the attempt is refused for the <input> with '<message>'

      Examples:
        | description                         | memory   | concurrent | total                    | input               | message                                                 |
        | A budget of zero bytes is refused   | 0 bytes  | 4          | unlimited total requests | memory limit        | The memory limit must be greater than zero bytes.       |
        | A negative budget is refused        | -1 bytes | 4          | unlimited total requests | memory limit        | The memory limit must be greater than zero bytes.       |
        | Zero concurrent requests is refused | 1 GiB    | 0          | unlimited total requests | concurrency limit   | The concurrent request limit must be greater than zero. |
        | Zero total requests is refused      | 1 GiB    | 4          | 0 total requests         | total request limit | The total request limit must be greater than zero.      |

  Rule: A context needs a backend

    Scenario: A context without a backend is refused
      When tenant acme attempts to create a context for model llama-7b-v1 without a backend
      Then the attempt is refused for the backend with 'A backend is required to run the model.'
