"""Personal-data rules (I): phone numbers, ID and card numbers, e-mail, IP addresses, QQ/WeChat.

One rule a module; each validates what it finds (number plan, checksum, date) and masks it
with an unsafe fix. ``common.py`` holds what they share.
"""

from cnlint.rules.personal.i101_mobile_number import MobileNumber
from cnlint.rules.personal.i102_resident_id import ResidentIdNumber
from cnlint.rules.personal.i103_bank_card import BankCardNumber
from cnlint.rules.personal.i104_email_address import EmailAddress
from cnlint.rules.personal.i105_ip_address import IpAddress
from cnlint.rules.personal.i106_messenger_id import MessengerId
from cnlint.rules.personal.i107_landline_number import LandlineNumber

__all__ = [
    "BankCardNumber",
    "EmailAddress",
    "IpAddress",
    "LandlineNumber",
    "MessengerId",
    "MobileNumber",
    "ResidentIdNumber",
]
