"""What home tells accounts: the weekly opportunities email members may choose."""

from home.weekly_email import OPPORTUNITIES

NOTIFICATION_KINDS = [OPPORTUNITIES]
