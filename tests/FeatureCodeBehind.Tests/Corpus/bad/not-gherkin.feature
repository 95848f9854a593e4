not gherkin
