"""客户信息反馈单: feedback slips, their deliveries to departments, the register and the answers."""
