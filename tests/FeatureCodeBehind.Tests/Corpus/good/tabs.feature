Feature:	Tabs
	Scenario:	s
		Given	x
		|	a	|	b	|
