@😀 @a@b @c,d
Feature: x
