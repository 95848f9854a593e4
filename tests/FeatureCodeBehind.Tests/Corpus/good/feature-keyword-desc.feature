Feature: x
  Feature: in description? no
