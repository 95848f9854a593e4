# language: de
@sample @serial
Funktionalität: Zähler
  Szenario: Ein Zähler zählt
    Angenommen a counter at 0
    Wenn the counter is increased by 1
    Dann the counter reads 1
