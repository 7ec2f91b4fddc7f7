1:[["children",{"s":"__PAGE__","h":176}]]
0:{"b":"BUvW7nESiqQQd4LCYYPID","t":{"t":{"s":"","h":80,"c":"$Q1"}}}
