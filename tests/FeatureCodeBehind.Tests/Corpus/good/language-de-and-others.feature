   # language: de
Funktionalität: Deutsch mit eingerücktem Sprachkopf
  Szenario: Schritte
    Angenommen ein Zustand
    Wenn etwas passiert
    Dann ein Ergebnis
    Und noch eins
    Aber nicht das
    * ein Stern
