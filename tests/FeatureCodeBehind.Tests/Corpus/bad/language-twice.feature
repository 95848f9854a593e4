# language: fr
# language: de
Funktionalität: x
